package dev.heapchain.hprof.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Millions of objects without millions of model objects: {@code test.Link} instances (one field,
 * {@code next}) linked in a chain from link 0, streamed to disk a segment at a time with the
 * low-level writer. DumpBuilder would need seconds and hundreds of MB for the same.
 */
public final class LinkChainWriter {
    public static final long OBJECT_CLASS = 0x7f00_0000_1000L;
    public static final long LINK_CLASS = 0x7f00_0000_2000L;
    private static final int PER_SEGMENT = 100_000;

    private LinkChainWriter() {
    }

    /** Id of link {@code i}: 16 bytes apart, in address order, as a serial HotSpot dump writes them. */
    public static long id(long i) {
        return 0x7f00_0010_0000L + 16 * i;
    }

    /** A chain of {@code count} links, rooted at link 0 by a JNI global. */
    public static Path chain(Path file, int count) {
        return write(file, h -> h.root(RootKind.JNI_GLOBAL, id(0), 0x1000), count, true);
    }

    /**
     * Classes, the sub-records {@code roots} adds, then {@code count} links; each links to the
     * next when {@code linked}, else holds null.
     */
    public static Path write(Path file, Consumer<HeapRecordWriter> roots, int count, boolean linked) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            HprofWriter w = new HprofWriter(out, HprofVersion.JAVA_1_0_2, 8, 0);
            w.utf8(1, "java/lang/Object").utf8(2, "test/Link").utf8(3, "next");
            w.loadClass(1, OBJECT_CLASS, 0, 1).loadClass(2, LINK_CLASS, 0, 2);
            HeapRecordWriter h = w.newHeapRecords();
            h.classDump(new ClassDump(OBJECT_CLASS, 0, 0, 0, List.of(), List.of()));
            h.classDump(new ClassDump(LINK_CLASS, 0, OBJECT_CLASS, 8, List.of(),
                    List.of(new ClassDump.InstanceField(3, BasicType.OBJECT))));
            roots.accept(h);
            w.heapDumpSegment(h.subRecords());
            for (int from = 0; from < count; from += PER_SEGMENT) {
                HeapRecordWriter s = w.newHeapRecords();
                for (int i = from; i < Math.min(count, from + PER_SEGMENT); i++) {
                    long next = linked && i + 1 < count ? id(i + 1) : 0;
                    s.instanceDump(id(i), 0, LINK_CLASS, ByteBuffer.allocate(8).putLong(next).array());
                }
                w.heapDumpSegment(s.subRecords());
            }
            w.heapDumpEnd();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
