package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.graph.HeapGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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

    static List<List<ChainReport.Pin>> direct(PathRenderer paths, List<Target> targets, int chains) {
        HeapAnalysis a = paths.analysis();
        HeapGraph g = a.graph();
        List<List<ChainReport.Pin>> pins = new ArrayList<>();
        for (int i = 0; i < chains; i++) {
            pins.add(new ArrayList<>());
        }
        // Each examined chain's region (what its oldest snapshot dominates) is one range of the
        // dominator-tree preorder: no per-object arrays, one binary search per reference.
        List<Target> examined = new ArrayList<>(targets.subList(0, Math.min(MAX_CHAINS, targets.size())));
        examined.removeIf(t -> a.dominatorOrder(t.oldest()) < 0);
        examined.sort((x, y) -> Integer.compare(a.dominatorOrder(x.oldest()), a.dominatorOrder(y.oldest())));
        int k = examined.size();
        int[] from = new int[k];
        int[] to = new int[k];
        Map<Integer, Integer> memberOf = new HashMap<>();
        for (int i = 0; i < k; i++) {
            Target t = examined.get(i);
            from[i] = a.dominatorOrder(t.oldest());
            to[i] = from[i] + a.dominatedCount(t.oldest());
            for (int m : t.members()) {
                memberOf.put(m, i);
            }
        }
        if (k == 0) {
            return pins;
        }
        // Regions are small; one bit per object tells the scan which references need a closer look.
        java.util.BitSet inRegion = new java.util.BitSet(g.nodeCount());
        for (Target t : examined) {
            a.forEachDominated(t.oldest(), inRegion::set);
        }
        for (int u = 0, n = g.nodeCount(); u < n; u++) {
            int ou = -2; // looked up on the first reference into a region
            for (long e = g.outStart(u), end = g.outEnd(u); e < end; e++) {
                int t = g.target(e);
                if (!inRegion.get(t)) {
                    continue;
                }
                int r = region(from, to, a.dominatorOrder(t));
                if (ou == -2) {
                    ou = a.dominatorOrder(u);
                }
                if (r < 0 || ou < 0 || ou >= from[r] && ou < to[r] || memberOf.getOrDefault(u, -1) == r) {
                    continue;
                }
                Target target = examined.get(r);
                if (isInternal(a, u, target, memberOf, r)) {
                    continue;
                }
                List<ChainReport.Pin> list = pins.get(target.chain());
                long holderId = g.id(u);
                if (list.size() < MAX_PINS_PER_CHAIN && list.stream().noneMatch(p -> p.holderId() == holderId)) {
                    list.add(pin(paths, u, e, t, target));
                }
            }
        }
        return pins;
    }

    /** The region whose range holds a preorder position, or -1 (ranges are disjoint or nested; innermost wins). */
    private static int region(int[] from, int[] to, int position) {
        if (position < 0) {
            return -1;
        }
        int lo = 0;
        int hi = from.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (from[mid] <= position) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        while (found >= 0 && position >= to[found]) {
            found--; // an enclosing (earlier, larger) range may still hold it
        }
        return found;
    }

    /** Owned by the chain's owner, or inside another snapshot of the same chain. */
    private static boolean isInternal(HeapAnalysis a, int u, Target t, Map<Integer, Integer> memberOf, int k) {
        if (u == t.container() || t.container() >= 0 && a.dominates(t.container(), u)) {
            return true;
        }
        for (int v = u; v >= 0; v = a.dominators().immediateDominator(v)) {
            if (memberOf.getOrDefault(v, -1) == k) {
                return true;
            }
        }
        return false;
    }

    private static ChainReport.Pin pin(PathRenderer paths, int holder, long edge, int pinned, Target t) {
        HeapGraph g = paths.analysis().graph();
        String field = paths.fieldName(holder, edge);
        boolean direct = pinned == t.oldest();
        String what = direct ? "the oldest snapshot " + paths.displayClass(pinned) + " " + hex(g.id(pinned))
                : paths.displayClass(pinned) + " " + hex(g.id(pinned)) + ", which only the oldest snapshot "
                + hex(g.id(t.oldest())) + " otherwise reaches";
        String sentence = paths.displayClass(holder) + " " + hex(g.id(holder)) + " holds " + what + " through its field '"
                + field + "', so the chain cannot be trimmed from its oldest end while that object lives.";
        return new ChainReport.Pin("direct", sentence, g.id(holder), paths.displayClass(holder), field, g.id(pinned),
                paths.pathTo(holder), null, null, null);
    }

    static String hex(long id) {
        return "0x" + Long.toHexString(id);
    }

}
