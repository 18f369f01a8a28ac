package dev.heapchain.hprof;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the top-level records of a dump to a {@link HprofVisitor}; heap bodies go through
 * {@link HprofHeapParser}. One instance reads one pass and is not reused.
 *
 * <p>Damage policy: unknown top-level tags are skipped with a warning; a file that ends inside a
 * record is read up to the last complete record (sub-record, for heap segments) with a warning;
 * structural corruption is a {@link HprofFormatException} naming the offset.
 */
public final class HprofReader {
    private final HprofFile file;
    private final int wantedDump;
    private final List<HprofWarning> warnings = new ArrayList<>();
    private final HprofCounts counts = new HprofCounts();
    private HprofVisitor visitor;
    private HprofHeader header;
    private boolean truncated;

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
            return parseHeader(in, file);
        } catch (java.io.IOException e) {
            throw new HprofFormatException("cannot read " + file.path() + ": " + e.getMessage(), -1);
        }
    }

    public HprofReadSummary read(HprofVisitor visitor) {
        this.visitor = visitor;
        int selected = Math.max(1, wantedDump);
        int dumps;
        long end;
        try (HprofInput in = file.openInput()) {
            header = parseHeader(in, file);
            in.idSize(header.idSize());
            visitor.header(header);
            dumps = readRecords(in, selected);
            if (in.compressedTruncated() || file.inflatedTruncated()) {
                // Said even after a record-level truncation warning: it tells what was cut (the gzip file).
                truncated = true;
                warn("truncated", in.position(), "truncated: the gzip stream is cut short; it ends in the middle of a block at offset "
                        + in.position() + " of the uncompressed data; anything after it is lost");
            }
            end = in.position();
        } catch (java.io.IOException e) {
            throw new HprofFormatException("cannot read " + file.path() + ": " + e.getMessage(), -1);
        }
        if (dumps == 0) {
            warn("no-heap-dump", -1, "the file holds no heap dump (only " + describe() + " records)");
        } else if (selected > dumps) {
            throw new HprofFormatException("--dump " + selected + " does not exist: the file holds "
                    + dumps + (dumps == 1 ? " heap dump" : " heap dumps"), -1);
        } else if (dumps > 1 && wantedDump == 0) {
            warn("several-dumps", -1, "the file holds " + dumps + " heap dumps; reading dump 1 (choose with --dump N)");
        }
        return new HprofReadSummary(header, dumps, dumps == 0 ? 0 : selected, truncated, end, counts, List.copyOf(warnings));
    }

    private String describe() {
        return counts.utf8Records + " string and " + counts.loadClassRecords + " class";
    }

    static HprofHeader parseHeader(HprofInput in, HprofFile file) {
        if (!in.ensure(Math.min(64, (int) Math.max(1, in.size() < 0 ? 64 : Math.min(64, in.size()))))) {
            if (!in.ensure(1)) {
                throw new HprofFormatException(file.path().getFileName() + " is empty", 0);
            }
        }
        int avail = Math.min(in.buffered(), 64);
        int nul = -1;
        for (int i = 0; i < avail; i++) {
            if (in.u1At(i) == 0) {
                nul = i;
                break;
            }
        }
        if (nul < 0) {
            throw new HprofFormatException("no HPROF header: no format name ends within the first " + avail + " bytes", 0);
        }
        String name = new String(in.buffer(), in.bufferOffset(), nul, StandardCharsets.ISO_8859_1);
        HprofVersion version = HprofVersion.of(name);
        if (version == null) {
            throw new HprofFormatException("unsupported format \"" + name + "\" at offset 0 (expected JAVA PROFILE 1.0.1, 1.0.2 or 1.0.3)", 0);
        }
        int len = nul + 1 + 4 + 8;
        if (!in.ensure(len)) {
            throw new HprofFormatException("file ends inside the HPROF header (" + in.buffered() + " of " + len + " bytes)", 0);
        }
        long idSize = in.u4At(nul + 1);
        if (idSize != 4 && idSize != 8) {
            throw new HprofFormatException("unsupported identifier size " + idSize + " at offset " + (nul + 1)
                    + " (" + name + "; expected 4 or 8)", nul + 1);
        }
        long timestamp = in.i8At(nul + 5);
        in.advance(len);
        return new HprofHeader(version, (int) idSize, timestamp, len);
    }

    private int readRecords(HprofInput in, int selected) {
        int dumps = 0;
        boolean inSegments = false;
        HprofHeapParser heap = new HprofHeapParser(in, visitor, counts, header, file);
        while (in.ensure(1)) {
            long start = in.position();
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
        }
        return dumps;
    }

    /** Handles one non-heap record body. False when the stream ended inside it. */
    private boolean topLevel(HprofInput in, HprofTag tag, int tagValue, long start, long length) {
        int id = header.idSize();
        try {
            if (tag == null) {
                counts.unknownTopLevelRecords++;
                warn("unknown-tag", start, "skipped unknown top-level tag " + hex(tagValue) + " at offset " + start
                        + " (" + length + " bytes)");
                return true;
            }
            switch (tag) {
                case UTF8 -> {
                    counts.utf8Records++;
                    requireLength(tag, start, length, id);
                    long stringId = in.id();
                    long textLength = length - id;
                    if (textLength > in.bufferCapacity()) {
                        warn("long-string", start, "skipped a string record of " + textLength + " bytes at offset " + start);
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
                    + length + " bytes, but that record is always " + expected + " bytes (" + header.describe() + ")", start);
        }
    }

    private void requireLength(HprofTag tag, long start, long length, long min) {
        if (length < min) {
            throw new HprofFormatException(tag + " record at offset " + start + " is " + length
                    + " bytes long, shorter than its fixed part of " + min + " bytes (" + header.describe() + ")", start);
        }
    }

    private void truncate(long offset, String message) {
        truncated = true;
        // Offsets count uncompressed bytes; say so, and which file, when they are not the file's own.
        String where = file.compressed() ? " (offsets in the data inflated from the gzip file " + file.path().getFileName() + ")" : "";
        warn("truncated", offset, "truncated: " + message + where);
    }

    private void warn(String kind, long offset, String message) {
        HprofWarning w = new HprofWarning(kind, offset, message);
        warnings.add(w);
        visitor.warning(w);
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
