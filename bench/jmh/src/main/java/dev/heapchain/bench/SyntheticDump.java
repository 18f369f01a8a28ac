package dev.heapchain.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * Writes a HotSpot-like HPROF 1.0.2 dump (8-byte ids) of a given size: groups of three small
 * instances and one byte[] of 16..80 bytes, about 50 bytes per record like the fixture dump, in
 * 64 MB heap segments the way HotSpot splits them. Ids are ascending addresses. Deterministic,
 * so a dump made once can be reused by every run.
 */
final class SyntheticDump {
    private static final int ID = 8;
    private static final int SEGMENT = 64 << 20;
    private static final long OBJECT_CLASS = 0x1000;
    private static final long NODE_CLASS = 0x1010;
    /** Fields of bench.Node in dump order: next (object), value (long), count (int). */
    private static final int NODE_FIELD_BYTES = ID + 8 + 4;

    private SyntheticDump() {
    }

    /** Writes {@code bytes} (roughly) to {@code out} unless a file is already there. */
    static Path ensure(Path out, long bytes) throws IOException {
        if (Files.isRegularFile(out) && Files.size(out) > 0) {
            return out;
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            write(new DataOutputStream(file), bytes);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    private static void write(DataOutputStream out, long bytes) throws IOException {
        out.write("JAVA PROFILE 1.0.2".getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.writeInt(ID);
        out.writeLong(1_700_000_000_000L);
        String[] names = {"java.lang.Object", "bench.Node", "next", "value", "count"};
        for (int i = 0; i < names.length; i++) {
            byte[] text = names[i].getBytes(StandardCharsets.UTF_8);
            record(out, 0x01, ID + text.length);
            out.writeLong(i + 1);
            out.write(text);
        }
        loadClass(out, 1, OBJECT_CLASS, 1);
        loadClass(out, 2, NODE_CLASS, 2);

        ByteArrayOutputStream segment = new ByteArrayOutputStream(SEGMENT + (1 << 16));
        DataOutputStream heap = new DataOutputStream(segment);
        heap.write(0x05); // ROOT_STICKY_CLASS
        heap.writeLong(OBJECT_CLASS);
        classDump(heap, OBJECT_CLASS, 0, 0, new long[0], new int[0]);
        classDump(heap, NODE_CLASS, OBJECT_CLASS, 32, new long[]{3, 4, 5}, new int[]{2, 11, 10});

        SplittableRandom random = new SplittableRandom(42);
        byte[] payload = new byte[80];
        long address = 0x7_0000_0000L;
        long written = 0;
        long previous = 0;
        while (written < bytes) {
            for (int i = 0; i < 3; i++) {
                heap.write(0x21);
                heap.writeLong(address);
                heap.writeInt(0);
                heap.writeLong(NODE_CLASS);
                heap.writeInt(NODE_FIELD_BYTES);
                heap.writeLong(previous);
                heap.writeLong(random.nextLong());
                heap.writeInt(i);
                previous = address;
                address += 32;
            }
            int length = 16 + random.nextInt(65);
            heap.write(0x23);
            heap.writeLong(address);
            heap.writeInt(0);
            heap.writeInt(length);
            heap.write(8); // byte
            heap.write(payload, 0, length);
            address += (16 + length + 7) & ~7L;
            if (segment.size() >= SEGMENT) {
                written += flush(out, segment);
            }
        }
        flush(out, segment);
        record(out, 0x2C, 0); // HEAP_DUMP_END
    }

    private static long flush(DataOutputStream out, ByteArrayOutputStream segment) throws IOException {
        int n = segment.size();
        record(out, 0x1C, n);
        segment.writeTo(out);
        segment.reset();
        return n + 9L;
    }

    private static void record(DataOutputStream out, int tag, int length) throws IOException {
        out.write(tag);
        out.writeInt(0);
        out.writeInt(length);
    }

    private static void loadClass(DataOutputStream out, int serial, long classId, long nameId) throws IOException {
        record(out, 0x02, 8 + 2 * ID);
        out.writeInt(serial);
        out.writeLong(classId);
        out.writeInt(0);
        out.writeLong(nameId);
    }

    private static void classDump(DataOutputStream out, long classId, long superId, int instanceSize,
                                  long[] fieldNames, int[] fieldTypes) throws IOException {
        out.write(0x20);
        out.writeLong(classId);
        out.writeInt(0);
        out.writeLong(superId);
        for (int i = 0; i < 5; i++) {
            out.writeLong(0); // loader, signers, protection domain, two reserved
        }
        out.writeInt(instanceSize);
        out.writeShort(0); // constant pool
        out.writeShort(0); // statics
        out.writeShort(fieldNames.length);
        for (int i = 0; i < fieldNames.length; i++) {
            out.writeLong(fieldNames[i]);
            out.write(fieldTypes[i]);
        }
    }
}
