package dev.heapchain.hprof.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Low-level HPROF writer: header, then top-level records whose bodies are buffered so the u4
 * length is always right. IO errors are rethrown unchecked to keep test code short.
 */
public final class HprofWriter {
    private final OutputStream out;
    private final ByteArrayOutputStream memory;
    private final int idSize;
    private int recordTimeMicros;

    /** Writes the header to {@code out} at once. */
    public HprofWriter(OutputStream out, HprofVersion version, int idSize, long timestampMillis) {
        this(out, null, version, idSize, timestampMillis);
    }

    private HprofWriter(OutputStream out, ByteArrayOutputStream memory, HprofVersion version,
            int idSize, long timestampMillis) {
        this.out = out;
        this.memory = memory;
        this.idSize = idSize;
        ByteSink header = new ByteSink(idSize)
                .bytes(version.formatName().getBytes(StandardCharsets.US_ASCII)).u1(0)
                .u4(idSize).u8(timestampMillis);
        write(header.toByteArray());
    }

    /** A writer collecting into memory; get the result with {@link #toByteArray()}. */
    public static HprofWriter inMemory(HprofVersion version, int idSize, long timestampMillis) {
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        return new HprofWriter(memory, memory, version, idSize, timestampMillis);
    }

    public byte[] toByteArray() {
        if (memory == null) {
            throw new IllegalStateException("writer is not memory-backed");
        }
        return memory.toByteArray();
    }

    public int idSize() {
        return idSize;
    }

    /** A sub-record writer with this dump's id size. */
    public HeapRecordWriter newHeapRecords() {
        return new HeapRecordWriter(idSize);
    }

    /** The u4 "microseconds since header time" of the records written after this call. */
    public HprofWriter recordTimeMicros(int micros) {
        this.recordTimeMicros = micros;
        return this;
    }

    public HprofWriter utf8(long stringId, String text) {
        return utf8(stringId, modifiedUtf8(text));
    }

    /** Raw bytes, e.g. invalid UTF-8, to exercise lenient decoding. */
    public HprofWriter utf8(long stringId, byte[] rawBytes) {
        return record(HprofTag.UTF8, sink().id(stringId).bytes(rawBytes));
    }

    public HprofWriter loadClass(int classSerial, long classId, int traceSerial, long nameId) {
        return record(HprofTag.LOAD_CLASS, sink().u4(classSerial).id(classId).u4(traceSerial).id(nameId));
    }

    public HprofWriter unloadClass(int classSerial) {
        return record(HprofTag.UNLOAD_CLASS, sink().u4(classSerial));
    }

    /** @param line &gt; 0 line, 0 none, -1 unknown, -2 compiled, -3 native */
    public HprofWriter frame(long frameId, long methodNameId, long signatureId, long sourceFileId,
            int classSerial, int line) {
        return record(HprofTag.FRAME, sink().id(frameId).id(methodNameId).id(signatureId)
                .id(sourceFileId).u4(classSerial).u4(line));
    }

    public HprofWriter trace(int traceSerial, int threadSerial, long... frameIds) {
        ByteSink s = sink().u4(traceSerial).u4(threadSerial).u4(frameIds.length);
        for (long f : frameIds) {
            s.id(f);
        }
        return record(HprofTag.TRACE, s);
    }

    /** One HEAP_DUMP (0x0C) record, the pre-segment way of writing a whole heap. */
    public HprofWriter heapDump(List<byte[]> subRecords) {
        return heapRecord(HprofTag.HEAP_DUMP, subRecords);
    }

    public HprofWriter heapDumpSegment(List<byte[]> subRecords) {
        return heapRecord(HprofTag.HEAP_DUMP_SEGMENT, subRecords);
    }

    public HprofWriter heapDumpEnd() {
        return record(HprofTag.HEAP_DUMP_END, new byte[0]);
    }

    /** Any tag with any body, e.g. unknown tags or agent-only records. */
    public HprofWriter record(int tag, byte[] body) {
        ByteSink s = new ByteSink(idSize).u1(tag).u4(recordTimeMicros).u4(body.length).bytes(body);
        write(s.toByteArray());
        return this;
    }

    /**
     * Java's modified UTF-8 (JVMS 4.4.7), which is what HotSpot symbols hold: NUL becomes C0 80
     * and each UTF-16 surrogate is encoded on its own in 3 bytes.
     */
    public static byte[] modifiedUtf8(String s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != 0 && c < 0x80) {
                b.write(c);
            } else if (c < 0x800) {
                b.write(0xC0 | (c >> 6));
                b.write(0x80 | (c & 0x3F));
            } else {
                b.write(0xE0 | (c >> 12));
                b.write(0x80 | ((c >> 6) & 0x3F));
                b.write(0x80 | (c & 0x3F));
            }
        }
        return b.toByteArray();
    }

    private HprofWriter heapRecord(int tag, List<byte[]> subRecords) {
        ByteSink s = sink();
        subRecords.forEach(s::bytes);
        return record(tag, s);
    }

    private HprofWriter record(int tag, ByteSink body) {
        return record(tag, body.toByteArray());
    }

    private ByteSink sink() {
        return new ByteSink(idSize);
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
