package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.graph.HeapGraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per epoch: count, shallow bytes, the retained size of the set of that epoch's objects, and the
 * top classes of what it retains. Listing retained objects costs their number; where epochs nest
 * (a singly linked chain in which each snapshot retains all older ones) that sum grows with the
 * square of the chain, so the class breakdown stops after a fixed budget of visited objects.
 */
final class EpochStatsBuilder {
    static final long BREAKDOWN_BUDGET = 50_000_000L;
    private static final int TOP_CLASSES = 5;

    private EpochStatsBuilder() {
    }

    static List<ChainReport.EpochStats> build(HeapAnalysis a, Epochs epochs) {
        HeapGraph g = a.graph();
        TreeMap<Long, List<Integer>> byEpoch = new TreeMap<>();
        epochs.all().forEach((node, e) -> byEpoch.computeIfAbsent(e, k -> new ArrayList<>()).add(node));
        List<ChainReport.EpochStats> out = new ArrayList<>();
        long[] budget = {BREAKDOWN_BUDGET};
        for (Map.Entry<Long, List<Integer>> entry : byEpoch.entrySet()) {
            int[] nodes = entry.getValue().stream().mapToInt(Integer::intValue).sorted().toArray();
            long shallow = 0;
            for (int v : nodes) {
                shallow += g.shallowSize(v);
            }
            Map<Integer, long[]> byClass = new HashMap<>();
            boolean withBreakdown = budget[0] > 0;
            long retained = a.retainedSizeOfSet(nodes, withBreakdown ? v -> {
                budget[0]--;
                long[] c = byClass.computeIfAbsent(g.isClassObject(v) ? -1 : g.classIndex(v), k -> new long[2]);
                c[0]++;
                c[1] += g.shallowSize(v);
            } : null);
            out.add(new ChainReport.EpochStats(entry.getKey(), nodes.length, shallow, retained,
                    withBreakdown ? top(g, byClass) : null));
        }
        return out;
    }

    private static List<ChainReport.ClassShare> top(HeapGraph g, Map<Integer, long[]> byClass) {
        List<ChainReport.ClassShare> shares = new ArrayList<>();
        byClass.forEach((c, v) -> shares.add(new ChainReport.ClassShare(
                c < 0 ? "java.lang.Class" : g.classes().byIndex(c).name(), v[0], v[1])));
        shares.sort(Comparator.comparingLong(ChainReport.ClassShare::bytes).reversed()
                .thenComparing(ChainReport.ClassShare::className));
        return List.copyOf(shares.subList(0, Math.min(TOP_CLASSES, shares.size())));
    }
}
