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
 * Per epoch: count, shallow bytes, what the set of that epoch's objects retains, and the top
 * classes of it.
 *
 * <p>The retained size of a set is exact, but when an epoch's objects sit in different chains
 * (AutoMQ keeps one registry for objects and one for streams) the exact search covers their
 * common owner's whole subtree, for every epoch. When the searches of all epochs together would
 * visit more than {@link #SEARCH_BUDGET} objects, each epoch's set is split by chain and the parts'
 * retained sizes are added: exact within each chain, leaving out only objects held jointly by
 * snapshots of different chains. The report says which basis was used.
 */
final class EpochStatsBuilder {
    static final long SEARCH_BUDGET = 20_000_000L;
    static final long BREAKDOWN_BUDGET = 50_000_000L;
    private static final int TOP_CLASSES = 5;

    /** How epoch retained sizes were computed. */
    enum Basis {
        SET, SUM_OF_CHAIN_PARTS
    }

    record Result(List<ChainReport.EpochStats> epochs, Basis basis) {
    }

    private EpochStatsBuilder() {
    }

    /**
     * @param epochOf the snapshots to cover (one owner group's: epochs of different groups are
     *                different spaces) and their epochs
     * @param chainOf chain index by node, for target nodes
     */
    static Result build(HeapAnalysis a, Map<Integer, Long> epochOf, Map<Integer, Integer> chainOf) {
        HeapGraph g = a.graph();
        TreeMap<Long, List<Integer>> byEpoch = new TreeMap<>();
        epochOf.forEach((node, e) -> byEpoch.computeIfAbsent(e, k -> new ArrayList<>()).add(node));
        long cost = 0;
        for (List<Integer> nodes : byEpoch.values()) {
            cost += a.retainedSearchCost(sorted(nodes));
            if (cost > SEARCH_BUDGET) {
                break;
            }
        }
        Basis basis = cost > SEARCH_BUDGET ? Basis.SUM_OF_CHAIN_PARTS : Basis.SET;
        List<ChainReport.EpochStats> out = new ArrayList<>();
        long[] budget = {BREAKDOWN_BUDGET};
        for (Map.Entry<Long, List<Integer>> entry : byEpoch.entrySet()) {
            int[] nodes = sorted(entry.getValue());
            long shallow = 0;
            for (int v : nodes) {
                shallow += g.shallowSize(v);
            }
            Map<Integer, long[]> byClass = new HashMap<>();
            boolean withBreakdown = budget[0] > 0;
            java.util.function.IntConsumer tally = withBreakdown ? v -> {
                budget[0]--;
                long[] c = byClass.computeIfAbsent(g.isClassObject(v) ? -1 : g.classIndex(v), k -> new long[2]);
                c[0]++;
                c[1] += g.shallowSize(v);
            } : null;
            long retained = 0;
            if (basis == Basis.SET) {
                retained = a.retainedSizeOfSet(nodes, tally);
            } else {
                for (int[] part : byChain(nodes, chainOf)) {
                    retained += a.retainedSizeOfSet(part, tally);
                }
            }
            out.add(new ChainReport.EpochStats(entry.getKey(), nodes.length, shallow, retained,
                    withBreakdown ? top(g, byClass) : null));
        }
        return new Result(List.copyOf(out), basis);
    }

    private static int[] sorted(List<Integer> nodes) {
        return nodes.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static List<int[]> byChain(int[] nodes, Map<Integer, Integer> chainOf) {
        Map<Integer, List<Integer>> parts = new TreeMap<>();
        for (int v : nodes) {
            parts.computeIfAbsent(chainOf.getOrDefault(v, -1), k -> new ArrayList<>()).add(v);
        }
        List<int[]> out = new ArrayList<>();
        parts.values().forEach(p -> out.add(sorted(p)));
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
