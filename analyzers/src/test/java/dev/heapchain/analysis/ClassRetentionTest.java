package dev.heapchain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapchain.graph.HeapGraph;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-class retained bytes: the one-pass walk against the definition, checked pair by pair. */
class ClassRetentionTest {
    @TempDir
    Path tmp;

    @Test
    void aLinkedListCountsOnlyItsHead() throws IOException {
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass node = b.newClass("test.Link").instanceField("next", BasicType.OBJECT).instanceField("n", BasicType.LONG);
        HeapInstance next = null;
        for (int i = 0; i < 5; i++) {
            next = b.newInstance(node).set("next", next);
        }
        HeapInstance lone = b.newInstance(node);
        b.rootUnknown(next.id());
        b.rootUnknown(lone.id());
        HeapAnalysis a = analyze(b.toBytes(), "list");
        ClassRetention.Row row = byName(ClassRetention.compute(a)).get("test.Link");
        HeapGraph g = a.graph();
        long linkSize = g.shallowSize(g.node(lone.id()));
        assertEquals(6, row.instances());
        assertEquals(6 * linkSize, row.shallowBytes());
        assertEquals(6 * linkSize, row.retainedBytes(), "the head retains the other four; the lone link itself");
    }

    @Test
    void matchesTheDefinitionOn100RandomHeaps() throws IOException {
        for (long seed = 1; seed <= 100; seed++) {
            HeapAnalysis a = analyze(new RandomHeap(seed).dump, "heap-" + seed);
            Map<String, Long> expected = bruteForce(a);
            Map<String, ClassRetention.Row> actual = byName(ClassRetention.compute(a));
            assertEquals(expected.keySet(), actual.keySet(), "seed " + seed);
            for (var e : expected.entrySet()) {
                assertEquals(e.getValue(), actual.get(e.getKey()).retainedBytes(), "seed " + seed + ", class " + e.getKey());
            }
            // Walked in two halves at once (as large heaps are), the upper one starting mid-tree.
            assertEquals(ClassRetention.compute(a), ClassRetention.compute(a, 0), "seed " + seed + ", split walk");
        }
    }

    /** Sums the retained size of every reachable instance no other instance of its class dominates. */
    private static Map<String, Long> bruteForce(HeapAnalysis a) {
        HeapGraph g = a.graph();
        DominatorTree d = a.dominators();
        Map<String, Long> out = new HashMap<>();
        for (int v = 0; v < g.nodeCount(); v++) {
            if (g.isClassObject(v) || !d.isReachable(v)) {
                continue;
            }
            boolean dominated = false;
            for (int u = 0; u < g.nodeCount() && !dominated; u++) {
                dominated = u != v && !g.isClassObject(u) && g.classIndex(u) == g.classIndex(v) && d.dominates(u, v);
            }
            out.merge(g.classOf(v).name(), dominated ? 0 : d.retainedSize(v), Long::sum);
        }
        return out;
    }

    private static Map<String, ClassRetention.Row> byName(List<ClassRetention.Row> rows) {
        Map<String, ClassRetention.Row> m = new HashMap<>();
        rows.forEach(r -> m.put(r.className(), r));
        return m;
    }

    private HeapAnalysis analyze(byte[] dump, String name) throws IOException {
        Path file = Files.write(tmp.resolve(name + ".hprof"), dump);
        return HeapAnalysis.run(HprofFile.open(file), AnalysisOptions.defaults());
    }
}
