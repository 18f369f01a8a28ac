package dev.heapchain.analysis;

import dev.heapchain.corpus.Corpus;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.hprof.HprofFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * netbeans/heapDumpLog.txt is NetBeans' golden output for heap_dump.bin: per instance a line
 * "Instance Id 0x… number N retained size S", later "Path to nearest GC root" followed by one
 * "Next object" line per step towards the root (none for a root itself).
 */
class NetBeansGoldenLogTest {
    private static final Pattern INSTANCE = Pattern.compile("^\\s*Instance Id 0x([0-9a-f]+) number \\d+ retained size (\\d+)$");

    @TempDir
    Path tmp;

    /** id to {retained size, path steps}, in log order. */
    private static Map<Long, long[]> parse(Path log) throws IOException {
        Map<Long, long[]> out = new LinkedHashMap<>();
        long[] current = null;
        // ISO-8859-1: the log holds raw field values that are not valid UTF-8.
        for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
            Matcher m = INSTANCE.matcher(line);
            if (m.matches()) {
                current = new long[]{Long.parseLong(m.group(2)), 0};
                out.put(Long.parseUnsignedLong(m.group(1), 16), current);
            } else if (current != null && line.trim().startsWith("Next object ")) {
                current[1]++;
            } else if (line.startsWith(" Id ") || line.startsWith("Root kind")) {
                current = null;
            }
        }
        return out;
    }

    @Test
    void pathLengthsAndRetainedSizesMatchTheGoldenLog() throws IOException {
        Map<Long, long[]> golden = parse(Corpus.file("netbeans/heapDumpLog.txt"));
        Path copy = Files.copy(Corpus.file("netbeans/heap_dump.bin"), tmp.resolve("heap_dump.bin"));
        HeapAnalysis a = HeapAnalysis.run(HprofFile.open(copy), AnalysisOptions.defaults());
        HeapGraph g = a.graph();
        NetBeansView nb = new NetBeansView(NetBeansView.open(copy), g, 1);
        assertEquals(7_788, golden.size(), "instances in the log (all of them: 'Live instances 7788')");
        boolean[] reachable = new boolean[g.nodeCount()];
        for (int v = 0; v < reachable.length; v++) {
            reachable[v] = a.paths().isReachable(v);
        }
        NetBeansRules rules = new NetBeansRules(
                HeapAnalysis.run(HprofFile.open(copy), AnalysisOptions.defaults().withKeepWeak(true)).graph(), reachable, nb.size);
        int unreachable = 0;
        int compared = 0;
        for (Map.Entry<Long, long[]> e : golden.entrySet()) {
            int v = g.node(e.getKey());
            String what = "0x" + Long.toHexString(e.getKey()) + " " + new PathRenderer(a, ValuePolicy.REDACTED).displayClass(v);
            long retained = e.getValue()[0];
            long steps = e.getValue()[1];
            // The log prints no path for unreachable objects either, and gives them retained size 0.
            if (!reachable[v]) {
                unreachable++;
                assertEquals(0, steps, what);
                assertEquals(0, retained, what);
                continue;
            }
            assertEquals(steps, a.paths().depth(v), "path length of " + what);
            assertEquals(nb.retained[v], retained, "golden log vs NetBeans today, " + what);
            if (!rules.touchesClass[v]) {
                assertEquals(retained, rules.retained[v], "retained size (NetBeans sizes and rules) of " + what);
                compared++;
            }
        }
        System.out.printf("heapDumpLog.txt: %,d instances, %,d unreachable; path lengths all equal; retained sizes "
                + "equal on %,d (the rest have class objects in the subtree)%n", golden.size(), unreachable, compared);
        assertEquals(371, golden.get(0xd6ffd6c0L)[0], "simple.Producer#1, as printed in the log");
        assertEquals(21, golden.get(0xd6ff9e98L)[0], "simple.Data#1, as printed in the log");
    }
}
