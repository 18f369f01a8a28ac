package dev.heapchain.hprof;

import static dev.heapchain.hprof.HprofReader.grouped;

/**
 * When skipping unknown top-level records stops being tolerance and becomes reading noise. A
 * real dump has none, or a few from a newer writer; a stream of them means the data is not HPROF
 * from some offset on (garbage, or a gzip bomb of repeated bytes), and skipping it record by
 * record would take as long as the stream is. Two limits, checked before a record's body is
 * skipped, so the error comes as soon as the rule is broken:
 *
 * <ul>
 *   <li>{@link #MAX_IN_A_ROW} unknown records with no known record between them;</li>
 *   <li>unknown records holding more than half of the bytes read, once they hold at least
 *       {@link #MIN_BYTES} (a real dump's unknown records are small; below that the in-a-row
 *       limit ends a flood soon enough).</li>
 * </ul>
 */
final class UnknownRecords {
    static final int MAX_IN_A_ROW = 1_000;
    static final long MIN_BYTES = 64L << 20;

    private long inARow;
    private long firstInRow = -1;
    private long bytes;

    void known() {
        inARow = 0;
    }

    /** An unknown record of {@code length} body bytes at {@code start}; throws when the stream is too much noise. */
    void unknown(int tag, long start, long length, HprofHeader header) {
        if (inARow++ == 0) {
            firstInRow = start;
        }
        bytes += 9 + length;
        if (inARow >= MAX_IN_A_ROW) {
            throw new HprofFormatException("corrupt record stream: " + grouped(inARow) + " unknown top-level records in a row,"
                    + " from offset " + grouped(firstInRow) + " to " + grouped(start) + " (the last with tag " + HprofReader.hex(tag)
                    + "): the data is not HPROF from offset " + grouped(firstInRow) + " on (" + header.describe() + ")", firstInRow);
        }
        long read = start + 9 + length;
        if (bytes >= MIN_BYTES && bytes > read / 2) {
            throw new HprofFormatException("corrupt record stream: unknown top-level records make up " + grouped(bytes)
                    + " of the first " + grouped(read) + " bytes (the last at offset " + grouped(start) + ", tag "
                    + HprofReader.hex(tag) + ", " + grouped(length) + " bytes): the data is not HPROF (" + header.describe() + ")",
                    start);
        }
    }
}
