package dev.heapchain.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapchain.analysis.AnalysisOptions;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.hprof.HprofFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Eclipse MAT's DominatorTreeTest on the graph its CreateSampleDump$DominatorTestData builds (MANIFEST.md,
 * "Dominators"): R dominates A, B, C, D, E, H, I, K directly and 13 objects in all; C dominates F
 * and G, D dominates L, G dominates J. MAT's retained sizes of R, 224 bytes (32-bit) and 376 bytes
 * (64-bit), are heapchain's too: both size these plain objects as header + fields, aligned to 8
 * (R: 8 + 3 × 4 = 20 → 24 on 32-bit, 16 + 3 × 8 = 40 on 64-bit), so nothing needs explaining.
 */
class CorpusMatDominatorTest {
    private static final String PREFIX = "org.eclipse.mat.tests.CreateSampleDump$DominatorTestData$";

    @Test
    void sunJdk5x64() {
        check("mat/sun_jdk5_64bit.hprof", 0, 376);
    }

    @Test
    void sunJdk6x32() {
        check("mat/sun_jdk6_32bit.hprof", 0, 224);
    }

    /** The hprof-agent file holds two dumps of the same program state; both are checked. */
    @Test
    void hprofAgentBothDumps() {
        check("mat/sun_jdk6_31_hprofagent_compressedOops.hprof", 0, 224);
        check("mat/sun_jdk6_31_hprofagent_compressedOops.hprof", 1, 224);
    }

    private static void check(String file, int dump, long retainedOfR) {
        HeapAnalysis a = HeapAnalysis.run(HprofFile.open(Corpus.file(file)), AnalysisOptions.defaults().withDump(dump));
        HeapGraph g = a.graph();
        String where = file + " dump " + dump;
        Map<String, Integer> node = new TreeMap<>();
        for (int v = 0; v < g.nodeCount(); v++) {
            String c = g.classOf(v).name();
            if (!g.isClassObject(v) && c.startsWith(PREFIX)) {
                assertEquals(null, node.put(c.substring(PREFIX.length()), v), where + ": one instance of " + c);
            }
        }
        assertEquals("[A, B, C, D, E, F, G, H, I, J, K, L, R]", node.keySet().toString(), where);
        assertEquals(List.of("A", "B", "C", "D", "E", "H", "I", "K"), dominatedBy(a, node, "R"), where);
        assertEquals(List.of("F", "G"), dominatedBy(a, node, "C"), where);
        assertEquals(List.of("L"), dominatedBy(a, node, "D"), where);
        assertEquals(List.of("J"), dominatedBy(a, node, "G"), where);
        assertEquals(13, subtreeSize(a, node.get("R")), where + ": objects R retains, itself included");
        assertEquals(retainedOfR, a.dominators().retainedSize(node.get("R")), where + ": retained bytes of R");
    }

    /** Test-class names (A…R) of the objects {@code name} immediately dominates. */
    private static List<String> dominatedBy(HeapAnalysis a, Map<String, Integer> node, String name) {
        List<String> out = new ArrayList<>();
        int d = node.get(name);
        for (int v = 0; v < a.graph().nodeCount(); v++) {
            if (a.dominators().immediateDominator(v) == d) {
                out.add(a.graph().classOf(v).name().substring(PREFIX.length()));
            }
        }
        out.sort(null);
        return out;
    }

    /** Nodes whose chain of immediate dominators passes through {@code top}, top included. */
    private static int subtreeSize(HeapAnalysis a, int top) {
        int count = 0;
        for (int v = 0; v < a.graph().nodeCount(); v++) {
            for (int x = v; x >= 0; x = a.dominators().immediateDominator(x)) {
                if (x == top) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
