package dev.heapchain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.chain.Profile;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.ClassDump;
import dev.heapchain.hprof.testing.HeapRecordWriter;
import dev.heapchain.hprof.testing.HprofVersion;
import dev.heapchain.hprof.testing.HprofWriter;
import dev.heapchain.hprof.testing.RootKind;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes that break recursive or quadratic code: a chain of 5 million objects (the graph code is
 * iterative; a recursive walk would overflow the stack long before) and a million GC roots on one
 * object. Written with the low-level writer, streamed to disk a segment at a time, so the test's
 * own memory stays small; analyzed as {@code top} and {@code analyze} do, within
 * {@link HostileStructureTest#LIMIT}.
 */
class HostileScaleTest {
    private static final long OBJECT_CLASS = 0x7f00_0000_1000L;
    private static final long LINK_CLASS = 0x7f00_0000_2000L;
    private static final int PER_SEGMENT = 100_000;

    @TempDir
    Path dir;

    private static long id(long i) {
        return 0x7f00_0010_0000L + 16 * i;
    }

    @Test
    void chainOfFiveMillionObjects() throws IOException {
        int length = 5_000_000;
        Path dump = write(dir.resolve("chain.hprof"), h -> h.root(RootKind.JNI_GLOBAL, id(0), 0x1000), length, i -> {
            ByteBuffer next = ByteBuffer.allocate(8).putLong(0, i + 1 < length ? id(i + 1) : 0);
            return next.array();
        });
        HostileStructureTest.Outcome o = HostileStructureTest.analyze(dump, Profile.builtIn("automq"));
        assertNull(o.error());
        HeapGraph g = o.analysis().graph();
        assertEquals(length + 2, g.nodeCount());
        assertEquals(id(0), o.top().get(0).objectId(), "the head retains everything");
        assertEquals(length - 1, o.analysis().paths().depth(g.node(id(length - 1))));
    }

    @Test
    void millionRootsOnOneObject() throws IOException {
        int roots = 1_000_000;
        Path dump = write(dir.resolve("roots.hprof"), h -> {
            for (int i = 0; i < roots; i++) {
                h.root(RootKind.JAVA_FRAME, id(0), 1, i); // thread 1, frame depth i: all distinct
            }
        }, 1, i -> new byte[8]);
        HostileStructureTest.Outcome o = HostileStructureTest.analyze(dump, Profile.builtIn("automq"));
        assertNull(o.error());
        assertEquals(roots, o.analysis().graph().roots().size(), "distinct roots are all kept");
        assertEquals(id(0), o.top().get(0).objectId());
        assertTrue(o.analysis().pathTo(o.analysis().graph().node(id(0))).steps().size() == 1);
    }

    interface Body {
        byte[] of(int i);
    }

    /** Object and Link classes, {@code roots}, then {@code count} Link instances with the given field bytes. */
    private static Path write(Path file, Consumer<HeapRecordWriter> roots, int count, Body body) throws IOException {
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
                    s.instanceDump(id(i), 0, LINK_CLASS, body.of(i));
                }
                w.heapDumpSegment(s.subRecords());
            }
            w.heapDumpEnd();
        }
        return file;
    }
}
