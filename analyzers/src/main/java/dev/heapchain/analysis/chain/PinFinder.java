package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.graph.HeapGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Direct pins: an object outside a chain that references the chain's oldest snapshot, or an object
 * only that snapshot reaches (what it dominates). References from the chain itself, from the
 * chain's owner and from the owner's own structures (what the owner dominates, e.g. its snapshot
 * map) are how a chain is supposed to be held, and do not count.
 */
final class PinFinder {
    /** Chains whose oldest snapshot is examined; the largest come first. */
    static final int MAX_CHAINS = 64;
    private static final int MAX_PINS_PER_CHAIN = 10;

    /** A chain to examine: its index in the report, members (with sentinels), oldest snapshot, owner. */
    record Target(int chain, int[] members, int oldest, int container) {
    }

    private PinFinder() {
    }

    static List<List<ChainReport.Pin>> direct(HeapAnalysis a, List<Target> targets, int chains) {
        HeapGraph g = a.graph();
        List<List<ChainReport.Pin>> pins = new ArrayList<>();
        for (int i = 0; i < chains; i++) {
            pins.add(new ArrayList<>());
        }
        int n = g.nodeCount();
        int[] region = new int[n];
        Arrays.fill(region, -1);
        int[] memberOf = new int[n];
        Arrays.fill(memberOf, -1);
        List<Target> examined = targets.subList(0, Math.min(MAX_CHAINS, targets.size()));
        for (int k = 0; k < examined.size(); k++) {
            Target t = examined.get(k);
            final int id = k;
            a.forEachDominated(t.oldest(), v -> region[v] = id);
            for (int m : t.members()) {
                memberOf[m] = k;
            }
        }
        for (int u = 0; u < n; u++) {
            if (!a.dominators().isReachable(u)) {
                continue;
            }
            for (int e = g.outStart(u); e < g.outEnd(u); e++) {
                int t = g.target(e);
                int k = region[t];
                if (k < 0 || region[u] == k || memberOf[u] == k) {
                    continue;
                }
                Target target = examined.get(k);
                if (isInternal(a, u, target, memberOf, k)) {
                    continue;
                }
                List<ChainReport.Pin> list = pins.get(target.chain());
                long holderId = g.id(u);
                if (list.size() < MAX_PINS_PER_CHAIN && list.stream().noneMatch(p -> p.holderId() == holderId)) {
                    list.add(pin(a, u, e, t, target));
                }
            }
        }
        return pins;
    }

    /** Owned by the chain's owner, or inside another snapshot of the same chain. */
    private static boolean isInternal(HeapAnalysis a, int u, Target t, int[] memberOf, int k) {
        if (u == t.container() || t.container() >= 0 && a.dominates(t.container(), u)) {
            return true;
        }
        for (int v = u; v >= 0; v = a.dominators().immediateDominator(v)) {
            if (memberOf[v] == k) {
                return true;
            }
        }
        return false;
    }

    private static ChainReport.Pin pin(HeapAnalysis a, int holder, int edge, int pinned, Target t) {
        HeapGraph g = a.graph();
        String field = a.fieldName(holder, edge);
        boolean direct = pinned == t.oldest();
        String what = direct ? "the oldest snapshot " + a.displayClass(pinned) + " " + hex(g.id(pinned))
                : a.displayClass(pinned) + " " + hex(g.id(pinned)) + ", which only the oldest snapshot "
                + hex(g.id(t.oldest())) + " otherwise reaches";
        String sentence = a.displayClass(holder) + " " + hex(g.id(holder)) + " holds " + what + " through its field '"
                + field + "', so the chain cannot be trimmed from its oldest end while that object lives.";
        return new ChainReport.Pin("direct", sentence, g.id(holder), a.displayClass(holder), field, g.id(pinned),
                a.pathTo(holder), null, null, null);
    }

    static String hex(long id) {
        return "0x" + Long.toHexString(id);
    }

}
