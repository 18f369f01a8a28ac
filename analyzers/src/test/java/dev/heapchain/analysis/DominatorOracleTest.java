package dev.heapchain.analysis;

import dev.heapchain.graph.HeapGraph;
import dev.heapchain.hprof.HprofFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the engine against brute force on 300 seeded random heaps: for every object, and for
 * random sets and partitions, remove it, search from the roots again, and sum what became
 * unreachable. Also checks the graph's edges against what the writer wrote, and BFS depths.
 */
class DominatorOracleTest {
    @TempDir
    Path tmp;

    @Test
    void retainedSizesMatchBruteForceOn300RandomHeaps() throws IOException {
        for (long seed = 1; seed <= 300; seed++) {
            RandomHeap heap = new RandomHeap(seed);
            Path file = Files.write(tmp.resolve("heap-" + seed + ".hprof"), heap.dump);
            // Even seeds build the dominator tree's order while the engine finishes (as analyze
            // does), odd ones on first use: the set sizes below check both against brute force.
            HeapAnalysis a = HeapAnalysis.run(HprofFile.open(file), AnalysisOptions.defaults().withSetQueries(seed % 2 == 0));
            check(heap, a, seed);
        }
    }

    private static void check(RandomHeap heap, HeapAnalysis a, long seed) {
        HeapGraph g = a.graph();
        String where = "seed " + seed;
        for (int i = 0; i < heap.ids.size(); i++) {
            int v = g.node(heap.ids.get(i));
            assertTrue(v >= 0, where + ": object missing");
            List<Long> expected = new ArrayList<>(heap.strongTargets.get(i));
            List<Long> actual = new ArrayList<>();
            for (long e = g.outStart(v); e < g.outEnd(v); e++) {
                actual.add(g.id(g.target(e)));
            }
            if (g.classEdge(v) >= 0) {
                actual.add(g.id(g.classEdge(v)));
            }
            expected.sort(Long::compare);
            actual.sort(Long::compare);
            assertEquals(expected, actual, where + ": edges of 0x" + Long.toHexString(heap.ids.get(i)));
        }
        Set<Integer> none = Set.of();
        boolean[] base = reach(g, none);
        int n = g.nodeCount();
        for (int v = 0; v < n; v++) {
            assertEquals(base[v], a.dominators().isReachable(v), where + ": reachability of node " + v);
            assertEquals(base[v], a.paths().isReachable(v), where + ": BFS reachability of node " + v);
            if (!base[v]) {
                assertEquals(-1, a.dominators().retainedSize(v), where);
                continue;
            }
            assertEquals(brute(g, base, Set.of(v)), a.dominators().retainedSize(v), where + ": retained size of node " + v);
        }
        int[] depth = bfsDepths(g);
        for (int v = 0; v < n; v++) {
            assertEquals(depth[v], a.paths().depth(v), where + ": shortest path length to node " + v);
        }
        Random rnd = new Random(seed * 31);
        for (int k = 0; k < 5; k++) {
            Set<Integer> set = new HashSet<>();
            int size = 1 + rnd.nextInt(4);
            for (int j = 0; j < size; j++) {
                set.add(rnd.nextInt(n));
            }
            int[] nodes = set.stream().mapToInt(Integer::intValue).toArray();
            assertEquals(brute(g, base, set), a.retainedSizeOfSet(nodes), where + ": retained size of set " + set);
        }
        int groups = 1 + rnd.nextInt(4);
        int[] groupOf = new int[n];
        for (int v = 0; v < n; v++) {
            groupOf[v] = rnd.nextInt(3) == 0 ? rnd.nextInt(groups) : -1;
        }
        long[] sizes = a.retainedSizesOfGroups(groupOf, groups);
        for (int gi = 0; gi < groups; gi++) {
            Set<Integer> members = new HashSet<>();
            for (int v = 0; v < n; v++) {
                if (groupOf[v] == gi) {
                    members.add(v);
                }
            }
            assertEquals(brute(g, base, members), sizes[gi], where + ": retained size of group " + gi + " " + members);
        }
    }

    /** Bytes reachable before but not after removing {@code removed} (removed reachable ones included). */
    private static long brute(HeapGraph g, boolean[] base, Set<Integer> removed) {
        boolean[] after = reach(g, removed);
        long sum = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            if (base[v] && !after[v]) {
                sum += g.shallowSize(v);
            }
        }
        return sum;
    }

    private static boolean[] reach(HeapGraph g, Set<Integer> removed) {
        boolean[] seen = new boolean[g.nodeCount()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int r : g.roots().distinctNodes()) {
            if (!removed.contains(r) && !seen[r]) {
                seen[r] = true;
                queue.add(r);
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int t : successors(g, v)) {
                if (!removed.contains(t) && !seen[t]) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        return seen;
    }

    private static int[] bfsDepths(HeapGraph g) {
        int[] d = new int[g.nodeCount()];
        java.util.Arrays.fill(d, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int r : g.roots().distinctNodes()) {
            d[r] = 0;
            queue.add(r);
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int t : successors(g, v)) {
                if (d[t] < 0) {
                    d[t] = d[v] + 1;
                    queue.add(t);
                }
            }
        }
        return d;
    }

    /** Explicit edges and the implicit one to the class object. */
    private static int[] successors(HeapGraph g, int v) {
        int c = g.classEdge(v);
        int n = (int) (g.outEnd(v) - g.outStart(v));
        int[] out = new int[n + (c >= 0 ? 1 : 0)];
        int k = 0;
        for (long e = g.outStart(v); e < g.outEnd(v); e++) {
            out[k++] = g.target(e);
        }
        if (c >= 0) {
            out[n] = c;
        }
        return out;
    }
}
