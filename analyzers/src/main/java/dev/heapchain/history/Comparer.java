package dev.heapchain.history;

import dev.heapchain.report.Units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two analyze reports. Regressed when a matched chain's snapshot count or retained bytes
 * grew past the threshold, a chain longer than --max-live-epochs appeared, a pin appeared, or the
 * verdict went from no leak to LEAK; improved for the reverse of any of these without a regression;
 * else unchanged.
 */
public final class Comparer {
    private Comparer() {
    }

    public static Comparison compare(ReportFacts base, ReportFacts cur, Threshold t, int topClasses) {
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        if (!base.leak() && cur.leak()) {
            worse.add("the verdict went from no leak to LEAK");
        } else if (base.leak() && !cur.leak()) {
            better.add("the verdict went from LEAK to no leak");
        }
        List<Comparison.ChainDelta> chains = chains(base, cur);
        int limit = cur.maxLiveEpochs();
        for (Comparison.ChainDelta d : chains) {
            ReportFacts.Chain b = d.baseline();
            ReportFacts.Chain c = d.current();
            if (b == null && overLimit(c, limit)) {
                worse.add("new chain " + d.key() + ": " + describe(c) + ", over --max-live-epochs " + limit);
            } else if (c == null && overLimit(b, limit)) {
                better.add("chain " + d.key() + " vanished (was " + describe(b) + ")");
            } else if (b != null && c != null) {
                boolean countMoved = t.countChanged(b.snapshots(), c.snapshots()) && Math.max(b.snapshots(), c.snapshots()) > limit;
                boolean bytesMoved = t.bytesChanged(b.retainedBytes(), c.retainedBytes());
                if (countMoved || bytesMoved) {
                    String change = "chain " + d.key() + ": " + describe(b) + " -> " + describe(c);
                    boolean grew = countMoved ? c.snapshots() > b.snapshots() : c.retainedBytes() > b.retainedBytes();
                    (grew ? worse : better).add(change);
                }
            }
        }
        Set<ReportFacts.Pin> basePins = pins(base);
        Set<ReportFacts.Pin> curPins = pins(cur);
        List<ReportFacts.Pin> added = curPins.stream().filter(p -> !basePins.contains(p)).toList();
        List<ReportFacts.Pin> gone = basePins.stream().filter(p -> !curPins.contains(p)).toList();
        added.forEach(p -> worse.add("new " + p.label()));
        gone.forEach(p -> better.add(p.label() + " is gone"));
        String verdict = !worse.isEmpty() ? Comparison.REGRESSED : !better.isEmpty() ? Comparison.IMPROVED : Comparison.UNCHANGED;
        return new Comparison(base, cur, t, chains, EpochRanges.of(base, cur), added, gone,
                ClassDeltas.top(base, cur, topClasses), verdict, List.copyOf(worse), List.copyOf(better));
    }

    private static boolean overLimit(ReportFacts.Chain c, int limit) {
        return c.snapshots() > limit || c.span() > limit;
    }

    static String describe(ReportFacts.Chain c) {
        return Units.count(c.snapshots()) + (c.snapshots() == 1 ? " snapshot" : " snapshots") + " (epochs " + c.minEpoch() + ".." + c.maxEpoch() + "), "
                + Units.bytes(c.retainedBytes());
    }

    private static List<Comparison.ChainDelta> chains(ReportFacts base, ReportFacts cur) {
        Map<String, ReportFacts.Chain> before = new LinkedHashMap<>();
        base.chains().forEach(c -> before.put(c.key(), c));
        List<Comparison.ChainDelta> matched = new ArrayList<>();
        List<Comparison.ChainDelta> added = new ArrayList<>();
        for (ReportFacts.Chain c : cur.chains()) {
            ReportFacts.Chain b = before.remove(c.key());
            (b == null ? added : matched).add(new Comparison.ChainDelta(c.key(), b, c));
        }
        List<Comparison.ChainDelta> all = new ArrayList<>(matched);
        all.addAll(added);
        before.values().forEach(b -> all.add(new Comparison.ChainDelta(b.key(), b, null)));
        return List.copyOf(all);
    }

    /** All pins of a report, in report order, without duplicates. */
    private static Set<ReportFacts.Pin> pins(ReportFacts r) {
        Set<ReportFacts.Pin> out = new LinkedHashSet<>();
        r.chains().forEach(c -> out.addAll(c.pins()));
        return out;
    }

    static Comparator<Comparison.ClassDelta> byGrowth() {
        return Comparator.comparingLong(Comparison.ClassDelta::retainedDelta).reversed()
                .thenComparing(Comparator.comparingLong(Comparison.ClassDelta::shallowDelta).reversed())
                .thenComparing(Comparison.ClassDelta::className);
    }
}
