package dev.heapchain.hprof;

import java.util.List;

/**
 * Streams the top-level records of a dump to a {@link HprofVisitor}; heap bodies go through
 * {@link HprofHeapParser}. One instance reads one pass and is not reused.
 *
 * <p>Damage policy: unknown top-level tags are skipped with a warning, until so many come that the
 * stream is plainly not HPROF ({@link UnknownRecords}); a file that ends inside a record is read
 * up to the last complete record (sub-record, for heap segments) with a warning; zeros where a
 * record should start end the data the same way ({@link ZeroRun}); structural corruption is a
 * {@link HprofFormatException} naming the offset. Warnings are bounded ({@link HprofWarnings}).
 */
public final class HprofReader {
    private final HprofFile file;
    private final int wantedDump;
    private final HprofWarnings warnings = new HprofWarnings();
    private final HprofCounts counts = new HprofCounts();
    private final UnknownRecords unknown = new UnknownRecords();
    private HprofVisitor visitor;
    private HprofHeader header;
    private boolean truncated;
    private int dumps;
    private ZeroRun zeroTail;
    /** The last top-level record read whole, or null. */
    private HprofTag lastTag;

    /** @param dump the dump to read, counting from 1; 0 reads the first and warns if there are more */
    public HprofReader(HprofFile file, int dump) {
        if (dump < 0) {
            throw new IllegalArgumentException("dump number must be >= 1: " + dump);
        }
        this.file = file;
        this.wantedDump = dump;
    }

    public HprofReader(HprofFile file) {
        this(file, 0);
    }

    /**
     * Parses heap sub-records from {@code from} (the start of one, as an earlier pass reported it)
     * to {@code end} (the end of its heap record), for reading a few objects without a pass over
     * the whole dump. The visitor may stop the read by throwing; its exception propagates.
     *
     * @return false when the file cannot be read at an offset (a gzip stream without an inflated copy)
     */
    public boolean readHeapRange(HprofVisitor visitor, long from, long end) {
        this.visitor = visitor;
        HprofHeader h = readHeader(file);
        try (HprofInput in = file.openInputAt(from)) {
            if (in == null) {
                return false;
            }
            in.idSize(h.idSize());
            new HprofHeapParser(in, visitor, counts, h, file).parse(from, end);
            return true;
        } catch (java.io.IOException e) {
            throw new HprofFormatException("cannot read " + file.path() + ": " + e.getMessage(), from);
        }
    }

    /** Reads the header only. */
    public static HprofHeader readHeader(HprofFile file) {
        try (HprofInput in = file.openInput()) {
            return HprofHeader.read(in, file);
        } catch (java.io.IOException e) {
            throw new HprofFormatException("cannot read " + file.path() + ": " + e.getMessage(), -1);
        }
    }

    public HprofReadSummary read(HprofVisitor visitor) {
        try (HprofInput in = file.openInput()) {
            return read(visitor, in);
        } catch (java.io.IOException e) {
            throw new HprofFormatException("cannot read " + file.path() + ": " + e.getMessage(), -1);
        }
    }

    /** One pass over {@code in}, a cursor at offset 0 of this file's data (GzipInflater passes its own). */
    HprofReadSummary read(HprofVisitor visitor, HprofInput in) {
        this.visitor = visitor;
        int selected = Math.max(1, wantedDump);
        for (HprofWarning note : file.notes()) {
            warn(note.kind(), note.offset(), note.message());
        }
        header = HprofHeader.read(in, file);
        in.idSize(header.idSize());
        visitor.header(header);
        try {
            readRecords(in, selected);
        } catch (HprofFormatException e) {
            ZeroRun z = e instanceof HprofTruncatedException ? null : ZeroRun.explaining(in, file, e);
            if (z == null) {
                throw e;
            }
            endInZeros(z);
        }
        // Where the data the stream delivered ends: past a zero run counted to its end, else past
        // what is buffered (a pass that stops early for damage has read to the end first).
        long streamEnd = zeroTail != null && zeroTail.toEnd() ? zeroTail.zerosFrom() + zeroTail.zeros()
                : in.position() + in.buffered();
        if (in.compressedTruncated() || file.inflatedTruncated()) {
            // Said even after a record-level truncation warning: it tells what was cut (the gzip file).
            truncated = true;
            warn("truncated", streamEnd, "truncated: the gzip stream is cut short; it ends in the middle of a block at offset "
                    + streamEnd + " of the uncompressed data; anything after it is lost");
        }
        if (in.corruptTrailer() || file.inflatedCorruptTrailer()) {
            warn("gzip-trailer", streamEnd, "the gzip trailer after offset " + streamEnd + " of the uncompressed data"
                    + " does not match the data before it (CRC-32 or length): that data may be damaged, and the file is"
                    + " not read past it");
        }
        long end = zeroTail != null ? zeroTail.dataEnd() : in.position();
        if (dumps == 0) {
            warn("no-heap-dump", -1, "the file holds no heap dump (only " + describe() + " records)");
        } else if (selected > dumps) {
            throw new HprofFormatException("--dump " + selected + " does not exist: the file holds "
                    + dumps + (dumps == 1 ? " heap dump" : " heap dumps"), -1);
        } else if (dumps > 1 && wantedDump == 0) {
            warn("several-dumps", -1, "the file holds " + dumps + " heap dumps; reading dump 1 (choose with --dump N)");
        }
        return new HprofReadSummary(header, dumps, dumps == 0 ? 0 : selected, truncated, end, counts, warnings.list());
    }

    /** The zero run that ended the last {@link #read} pass, or null. */
    ZeroRun zeroTail() {
        return zeroTail;
    }

    private void endInZeros(ZeroRun z) {
        zeroTail = z;
        if (lastTag == HprofTag.HEAP_DUMP_END && z.toEnd() && z.zerosFrom() == z.dataEnd()) {
            // Every dump was finished: the file was only made longer than its data (preallocated, padded).
            warn("zero-padding", z.dataEnd(), "the file ends in " + z.describeZeros() + " after the last dump's"
                    + " HEAP_DUMP_END record; ignored");
            return;
        }
        truncate(z.dataEnd(), z.describe());
    }

    private String describe() {
        return counts.utf8Records + " string and " + counts.loadClassRecords + " class";
    }

    private void readRecords(HprofInput in, int selected) {
        boolean inSegments = false;
        HprofHeapParser heap = new HprofHeapParser(in, visitor, counts, header, file);
        while (in.ensure(1)) {
            long start = in.position();
            if (in.u1At(0) == 0) {
                // No tag is 0: zeros here are where the writing stopped (see ZeroRun).
                ZeroRun z = ZeroRun.atRecordStart(in, file);
                if (z != null) {
                    endInZeros(z);
                    break;
                }
            }
            if (!in.ensure(9)) {
                truncate(start, "the file ends inside a record header at offset " + start
                        + " (" + in.buffered() + " of 9 bytes); nothing after it is lost");
                break;
            }
            int tagValue = in.u1At(0);
            long length = in.u4At(5);
            in.advance(9);
            long bodyStart = in.position();
            long bodyEnd = bodyStart + length;
            HprofTag tag = HprofTag.of(tagValue);
            boolean heapRecord = tag == HprofTag.HEAP_DUMP || tag == HprofTag.HEAP_DUMP_SEGMENT;
            boolean pastEnd = in.size() >= 0 && bodyEnd > in.size();
            if (tag != null) {
                unknown.known();
            }
            if (pastEnd && tag == null) {
                throw new HprofFormatException("unknown top-level tag " + hex(tagValue) + " at offset " + start
                        + " with length " + length + ", past the end of the file at " + in.size()
                        + ": the record stream is corrupt here (" + header.describe() + ")", start);
            }
            checkFixedLength(tag, start, length);
            if (heapRecord) {
                boolean whole = tag == HprofTag.HEAP_DUMP;
                if (!inSegments) {
                    dumps++;
                    if (dumps == selected) {
                        visitor.heapDumpStart(dumps, start);
                    }
                }
                inSegments = !whole || inSegments;
                if (dumps == selected && visitor.interest() == HprofVisitor.Interest.ALL) {
                    counts.heapRecords++;
                    visitor.heapRecord(start, bodyStart, bodyEnd);
                    long parsedTo = heap.parse(start, bodyEnd);
                    if (parsedTo < bodyEnd) {
                        truncate(parsedTo, "the file ends inside the " + tag + " record at offset " + start
                                + " (declared " + length + " bytes, " + (in.size() >= 0 ? (in.size() - bodyStart) + " present" : "stream ended")
                                + "); read up to its last complete sub-record, which ends at offset " + parsedTo
                                + (in.size() >= 0 ? "; lost " + (bodyEnd - in.size()) + " bytes" : ""));
                        break;
                    }
                    lastTag = tag;
                    continue;
                }
            } else if (tag == HprofTag.HEAP_DUMP_END) {
                inSegments = false;
            }
            if (pastEnd) {
                truncate(start, "the file ends inside the " + (tag == null ? hex(tagValue) : tag) + " record at offset "
                        + start + " (declared " + length + " bytes, " + (in.size() - bodyStart) + " present); lost "
                        + (bodyEnd - in.size()) + " bytes");
                break;
            }
            if (!topLevel(in, tag, tagValue, start, length)) {
                break;
            }
            long at = in.position();
            if (at > bodyEnd) {
                throw new HprofFormatException((tag == null ? hex(tagValue) : tag) + " record at offset " + start
                        + " overruns its declared length " + length + " (" + header.describe() + ")", start);
            }
            if (in.skip(bodyEnd - at) < bodyEnd - at) {
                truncate(start, "the file ends inside the " + (tag == null ? hex(tagValue) : tag) + " record at offset "
                        + start + " (declared " + length + " bytes); the stream ended at offset " + in.position());
                break;
            }
            lastTag = tag;
        }
    }

    /** Handles one non-heap record body. False when the stream ended inside it. */
    private boolean topLevel(HprofInput in, HprofTag tag, int tagValue, long start, long length) {
        int id = header.idSize();
        try {
            if (tag == null) {
                counts.unknownTopLevelRecords++;
                unknown.unknown(tagValue, start, length, header);
                add(new HprofWarning("unknown-tag", start, "skipped unknown top-level tag " + hex(tagValue) + " at offset "
                        + start + " (" + length + " bytes)"), "unknown top-level tags " + hex(tagValue));
                return true;
            }
            switch (tag) {
                case UTF8 -> {
                    counts.utf8Records++;
                    requireLength(tag, start, length, id);
                    long stringId = in.id();
                    long textLength = length - id;
                    if (textLength > in.bufferCapacity()) {
                        add(new HprofWarning("long-string", start, "skipped a string record of " + textLength
                                + " bytes at offset " + start), "string records too long to read");
                    } else if (!in.ensure((int) textLength)) {
                        throw new HprofTruncatedException("", in.position());
                    } else {
                        visitor.utf8(stringId, in, (int) textLength);
                    }
                }
                case LOAD_CLASS -> {
                    counts.loadClassRecords++;
                    requireLength(tag, start, length, 8 + 2L * id);
                    int serial = in.i4();
                    long classId = in.id();
                    int trace = in.i4();
                    visitor.loadClass(serial, classId, trace, in.id());
                }
                case UNLOAD_CLASS -> {
                    requireLength(tag, start, length, 4);
                    visitor.unloadClass(in.i4());
                }
                case FRAME -> {
                    requireLength(tag, start, length, 4L * id + 8);
                    long frame = in.id();
                    long method = in.id();
                    long signature = in.id();
                    long source = in.id();
                    visitor.stackFrame(frame, method, signature, source, in.i4(), in.i4());
                }
                case TRACE -> {
                    requireLength(tag, start, length, 12);
                    int serial = in.i4();
                    int thread = in.i4();
                    long frames = in.u4();
                    if (frames * id > length - 12) {
                        throw new HprofFormatException("TRACE record at offset " + start + " claims " + frames
                                + " frames, more than its length " + length + " holds", start);
                    }
                    long[] ids = new long[(int) frames];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = in.id();
                    }
                    visitor.stackTrace(serial, thread, ids);
                }
                default -> {
                    // Remaining tags carry nothing heapchain uses (see HprofTag notes): skip by length.
                }
            }
            return true;
        } catch (HprofTruncatedException e) {
            truncate(start, "the file ends inside the " + tag + " record at offset " + start + " (declared "
                    + length + " bytes); the stream ended at offset " + in.position());
            return false;
        }
    }

    /**
     * Records with a fixed layout must have exactly that length. A wrong one means the stream is
     * corrupt at this offset (bytes inserted or lost before it), which is better said here than
     * discovered later as an absurd truncation.
     */
    private void checkFixedLength(HprofTag tag, long start, long length) {
        if (tag == null) {
            return;
        }
        int id = header.idSize();
        long expected = switch (tag) {
            case LOAD_CLASS -> 8 + 2L * id;
            case UNLOAD_CLASS -> 4;
            case FRAME -> 4L * id + 8;
            case HEAP_SUMMARY -> 24;
            case HEAP_DUMP_END -> 0;
            default -> -1;
        };
        if (expected >= 0 && length != expected) {
            throw new HprofFormatException("corrupt record stream at offset " + start + ": " + tag + " record declares "
                    + length + " bytes, but that record is always " + expected + " bytes (" + header.describe() + ")",
                    start, start + 8);
        }
    }

    private void requireLength(HprofTag tag, long start, long length, long min) {
        if (length < min) {
            throw new HprofFormatException(tag + " record at offset " + start + " is " + length
                    + " bytes long, shorter than its fixed part of " + min + " bytes (" + header.describe() + ")",
                    start, start + 8);
        }
    }

    private void truncate(long offset, String message) {
        truncated = true;
        // Offsets count uncompressed bytes; say so, and which file, when they are not the file's own.
        String where = file.compressed() ? " (offsets in the data inflated from the gzip file " + file.path().getFileName() + ")" : "";
        warn("truncated", offset, "truncated: " + message + where);
    }

    /** A warning of which a pass gives one or two: its kind is its group. */
    private void warn(String kind, long offset, String message) {
        add(new HprofWarning(kind, offset, message), kind);
    }

    /** The visitor hears of the warnings the summary keeps as they are (see HprofWarnings). */
    private void add(HprofWarning w, String group) {
        if (warnings.add(w, group)) {
            visitor.warning(w);
        }
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** "20,000,024": the offsets and counts of the messages about damage, which can be long numbers. */
    static String grouped(long v) {
        return String.format(java.util.Locale.ROOT, "%,d", v);
    }
}
