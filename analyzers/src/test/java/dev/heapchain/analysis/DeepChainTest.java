package dev.heapchain.analysis;

import dev.heapchain.graph.HeapGraph;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.ClassDump;
import dev.heapchain.hprof.testing.HeapRecordWriter;
import dev.heapchain.hprof.testing.HprofVersion;
import dev.heapchain.hprof.testing.HprofWriter;
import dev.heapchain.hprof.testing.RootKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A linked list of 1,000,000 nodes from one root: any recursion over reference depth (DFS,
 * path compression, path walking) would overflow the stack here.
 */
class DeepChainTest {
    private static final int LENGTH = 1_000_000;

    @TempDir
    Path tmp;

    @Test
    void millionLinkChain() {
        long headId = id(0);
        long tailId = id(LENGTH - 1);
        Path file = writeChain(tmp.resolve("chain.hprof"));

        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            HeapAnalysis a = HeapAnalysis.run(HprofFile.open(file), AnalysisOptions.defaults());
            HeapGraph g = a.graph();
            int head = g.node(headId);
            int tail = g.node(tailId);
            long sum = 0;
            for (int v = 0; v < g.nodeCount(); v++) {
                if (!g.isClassObject(v)) {
                    sum += g.shallowSize(v);
                }
            }
            assertEquals(LENGTH * g.shallowSize(head), sum, "every link has the same size");
            assertEquals(LENGTH + 2, g.nodeCount(), "the links and two class objects");
            assertEquals(sum, a.dominators().retainedSize(head), "the head retains the whole chain");
            assertEquals(sum, a.dominators().reachableBytes());
            assertEquals(g.shallowSize(tail), a.dominators().retainedSize(tail));
            assertEquals(head, a.dominators().immediateDominator(g.node(id(1))));
            assertEquals(LENGTH - 1, a.paths().depth(tail));
            List<PathStep> steps = new PathRenderer(a, ValuePolicy.REDACTED).pathTo(tail).steps();
            assertEquals(LENGTH, steps.size());
            assertEquals(headId, steps.get(0).objectId());
            assertEquals(tailId, steps.get(LENGTH - 1).objectId());
            assertEquals("next", steps.get(LENGTH - 1).field());
        });
    }

    /** Object ids 16 bytes apart, in address order, as a serial HotSpot dump writes them. */
    private static long id(int i) {
        return 0x7f00_0010_0000L + 16L * i;
    }

    /**
     * The dump, written with the low-level test writer: DumpBuilder keeps a model object per
     * instance and needs about 6 s for a million of them, this about 0.3 s.
     */
    private static Path writeChain(Path file) {
        long objectClass = 0x7f00_0000_1000L;
        long linkClass = 0x7f00_0000_2000L;
        HprofWriter w = HprofWriter.inMemory(HprofVersion.JAVA_1_0_2, 8, 0);
        w.utf8(1, "java/lang/Object").utf8(2, "test/Link").utf8(3, "next");
        w.loadClass(1, objectClass, 0, 1).loadClass(2, linkClass, 0, 2);
        HeapRecordWriter h = w.newHeapRecords();
        h.classDump(new ClassDump(objectClass, 0, 0, 0, List.of(), List.of()));
        h.classDump(new ClassDump(linkClass, 0, objectClass, 8,
                List.of(), List.of(new ClassDump.InstanceField(3, BasicType.OBJECT))));
        h.root(RootKind.JNI_GLOBAL, id(0), 0x1000);
        ByteBuffer next = ByteBuffer.allocate(8);
        for (int i = 0; i < LENGTH; i++) {
            next.putLong(0, i + 1 < LENGTH ? id(i + 1) : 0);
            h.instanceDump(id(i), 0, linkClass, next.array().clone());
        }
        w.heapDumpSegment(h.subRecords()).heapDumpEnd();
        try {
            return Files.write(file, w.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
