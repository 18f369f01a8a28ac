package dev.heapchain.hprof;

import static dev.heapchain.hprof.HprofReader.grouped;

/**
 * Zeros where dump data should be: the end of the written data. A JVM killed mid-dump, or a
 * file system that lost the last writes, leaves a file of the full size with zeros where the data
 * never arrived. No HPROF tag or heap sub-tag is 0, so zeros at a record's or sub-record's start
 * are never data; inside a record they can be (an array of zeros), so the check is made only where
 * a record starts, or where a record cannot be read and the field that broke it lies in the zeros
 * (a length, count or type code of 0, cut off by them).
 *
 * <p>It counts when the zeros run to the end of the data, or for at least {@link #MIN_RUN} bytes:
 * far more than a bit flip or a writer's bug makes (those give one odd byte, and an error), and it
 * fits the smallest read buffer, so deciding never reads past it. After that the zeros are counted
 * for the warning, up to {@link #SCAN_LIMIT}.
 *
 * @param dataEnd   where the data ends: the start of the record or sub-record the zeros replace
 * @param zerosFrom where the zeros begin: {@code dataEnd}, or later when they cut the record there
 * @param zeros     how many zeros were counted from {@code zerosFrom}
 * @param toEnd     whether they run to the end of the data
 * @param resumesAt the first non-zero byte after them, or -1 (they run to the end, or the count stopped)
 * @param unread    bytes after the counted zeros when the count stopped at the limit and the size is known, else -1
 */
record ZeroRun(long dataEnd, long zerosFrom, long zeros, boolean toEnd, long resumesAt, long unread) {
    /** Zeros that end the data: 64 KiB, or fewer when they reach the end. */
    static final int MIN_RUN = 1 << 16;
    /**
     * Zeros counted at most: 64 MiB take ~45 ms to read from a file and ~0.13 s to inflate
     * (measured here), in every pass of a command; past it the warning says "at least".
     */
    static final long SCAN_LIMIT = 64L << 20;

    /** At a record start whose first byte is 0: the zero run there, consumed, or null (cursor unmoved) when it is too short. */
    static ZeroRun atRecordStart(HprofInput in, HprofFile file) {
        if (!in.zerosAhead(MIN_RUN)) {
            return null;
        }
        long at = in.position();
        return count(in, file, at, at);
    }

    /**
     * When the record at {@code e.offset()} failed on a field that zeros from there on explain:
     * the zero run (the data ends at the record's start), else null and {@code e} stands.
     */
    static ZeroRun explaining(HprofInput in, HprofFile file, HprofFormatException e) {
        long valueEnd = e.valueEnd();
        if (valueEnd < 0 || valueEnd < e.offset() || !in.backTo(valueEnd) || !in.zerosAhead(MIN_RUN)) {
            return null;
        }
        long from = in.zerosBefore(e.offset());
        return count(in, file, e.offset(), from);
    }

    private static ZeroRun count(HprofInput in, HprofFile file, long dataEnd, long zerosFrom) {
        long before = in.position() - zerosFrom;
        long skipped = in.skipZeros(SCAN_LIMIT);
        long zeros = before + skipped;
        if (!in.hasMore()) {
            ZeroRun inflated = file.zeroTail();
            if (inflated != null && inflated.zerosFrom == zerosFrom) {
                // The inflated copy keeps only the first zeros; the count is the one made while inflating.
                return inflated;
            }
            return new ZeroRun(dataEnd, zerosFrom, zeros, true, -1, -1);
        }
        if (skipped < SCAN_LIMIT) {
            return new ZeroRun(dataEnd, zerosFrom, zeros, false, in.position(), -1);
        }
        return new ZeroRun(dataEnd, zerosFrom, zeros, false, -1, in.size() >= 0 ? in.size() - in.position() : -1);
    }

    /** How many zeros an inflated copy keeps of this run: enough for every later pass to find it again. */
    long kept() {
        return Math.min(zeros, MIN_RUN);
    }

    /** The warning's text (without the "truncated: " the reader puts first). */
    String describe() {
        StringBuilder m = new StringBuilder("the dump's data ends at offset ").append(grouped(dataEnd));
        if (zerosFrom > dataEnd) {
            m.append(", where a record is cut off by zeros from offset ").append(grouped(zerosFrom));
        }
        if (toEnd) {
            m.append("; the remaining ").append(grouped(zeros)).append(" bytes are zeros: the dump was not finished");
        } else if (resumesAt >= 0) {
            m.append("; the next ").append(grouped(zeros)).append(" bytes are zeros, and the data after them, from offset ")
                    .append(grouped(resumesAt)).append(", is not read: the dump was not finished, or that part of it was lost");
        } else {
            m.append("; at least the next ").append(grouped(zeros)).append(" bytes are zeros, and ")
                    .append(unread >= 0 ? "the " + grouped(unread) + " bytes after them are" : "the rest of the stream is")
                    .append(" not read: the dump was not finished");
        }
        return m.toString();
    }

    /** "65,536 bytes of zeros", or "at least ..." when the count stopped. */
    String describeZeros() {
        return (toEnd || resumesAt >= 0 ? "" : "at least ") + grouped(zeros) + " bytes of zeros";
    }

}
