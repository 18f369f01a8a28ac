package dev.heapchain.history;

import dev.heapchain.analysis.chain.Verdicts;
import dev.heapchain.report.Units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two analyze reports, chain by chain, matched by identity. A chain is worse when its
 * outcome is (with what the two dumps show together, {@link Verdicts#across}); regressed when some
 * chain is worse or a pin appeared; improved for the reverse without a regression; else unchanged.
 * Numbers that move without changing the evidence (a healthy chain's in-flight writes, retained
 * bytes) are reported, never a regression.
 */
public final class Comparer {
    private Comparer() {
    }

    public static Comparison compare(ReportFacts base, ReportFacts cur, Threshold t, int topClasses) {
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Comparison.ChainDelta> chains = chains(base, cur, t);
        Verdicts.Outcome outcome = cur.outcome() == Verdicts.Outcome.NOT_APPLICABLE ? cur.outcome() : Verdicts.Outcome.NO_LEAK;
        for (Comparison.ChainDelta d : chains) {
            if (d.current() != null) {
                outcome = Verdicts.Outcome.worse(outcome, d.outcome());
            }
            String line = switch (d.status()) {
                case "new" -> "new chain " + d.key() + ": " + d.outcome().shout() + ", " + describe(d.current());
                case "vanished" -> "chain " + d.key() + " vanished (was " + d.outcome().shout() + ", " + describe(d.baseline()) + ")";
                default -> "chain " + d.key() + ": " + d.baseline().outcome().shout() + " -> " + d.outcome().shout() + ", "
                        + describe(d.baseline()) + " -> " + describe(d.current());
            };
            // The evidence by kind (the current report has each reason in full), and what the two dumps show together.
            List<String> why = new ArrayList<>();
            if (d.current() != null && d.change().equals("worse")) {
                d.current().reasons().stream().filter(r -> r.outcome().atLeast(Verdicts.Outcome.SUSPECT))
                        .map(Verdicts.Reason::kind).distinct().forEach(why::add);
            }
            d.across().forEach(r -> why.add(r.text()));
            String full = why.isEmpty() ? line : line + " (" + String.join("; ", why) + ")";
            if (d.change().equals("worse")) {
                worse.add(full);
            } else if (d.change().equals("better")) {
                better.add(full);
            } else if (d.baseline() != null && d.current() != null
                    && (t.bytesChanged(d.baseline().retainedBytes(), d.current().retainedBytes())
                    || t.countChanged(d.baseline().snapshots(), d.current().snapshots()))) {
                notes.add(line + "; the evidence did not change");
            }
        }
        Set<ReportFacts.Pin> basePins = pins(base);
        Set<ReportFacts.Pin> curPins = pins(cur);
        List<ReportFacts.Pin> added = curPins.stream().filter(p -> !basePins.contains(p)).toList();
        List<ReportFacts.Pin> gone = basePins.stream().filter(p -> !curPins.contains(p)).toList();
        added.forEach(p -> worse.add("new " + p.label()));
        gone.forEach(p -> better.add(p.label() + " is gone"));
        String verdict = !worse.isEmpty() ? Comparison.REGRESSED : !better.isEmpty() ? Comparison.IMPROVED : Comparison.UNCHANGED;
        return new Comparison(base, cur, t, outcome, chains, EpochRanges.of(base, cur), added, gone,
                ClassDeltas.top(base, cur, topClasses), verdict, List.copyOf(worse), List.copyOf(better), List.copyOf(notes));
    }

    static String describe(ReportFacts.Chain c) {
        return Units.count(c.snapshots()) + (c.snapshots() == 1 ? " snapshot" : " snapshots") + " (epochs " + c.minEpoch() + ".."
                + c.maxEpoch() + "), " + Units.bytes(c.retainedBytes());
    }

    /** Matched chains in the current report's order, then new ones, then vanished ones. */
    private static List<Comparison.ChainDelta> chains(ReportFacts base, ReportFacts cur, Threshold t) {
        Map<String, ReportFacts.Chain> before = new LinkedHashMap<>();
        base.chains().forEach(c -> before.put(c.key(), c));
        List<Comparison.ChainDelta> matched = new ArrayList<>();
        List<Comparison.ChainDelta> added = new ArrayList<>();
        for (ReportFacts.Chain c : cur.chains()) {
            ReportFacts.Chain b = before.remove(c.key());
            if (b == null) {
                added.add(new Comparison.ChainDelta(c.key(), null, c, List.of(), c.outcome(),
                        c.outcome().atLeast(Verdicts.Outcome.SUSPECT) ? "worse" : "same"));
                continue;
            }
            List<Verdicts.Reason> across = Verdicts.across(b.evidence(), c.evidence(),
                    t.countChanged(b.snapshots(), c.snapshots()), cur.maxSnapshots());
            Verdicts.Outcome now = Verdicts.Outcome.worse(c.outcome(), Verdicts.outcome(across));
            int order = now.compareTo(b.outcome());
            matched.add(new Comparison.ChainDelta(c.key(), b, c, across, now, order > 0 ? "worse" : order < 0 ? "better" : "same"));
        }
        List<Comparison.ChainDelta> all = new ArrayList<>(matched);
        all.addAll(added);
        before.values().forEach(b -> all.add(new Comparison.ChainDelta(b.key(), b, null, List.of(), b.outcome(),
                b.outcome().atLeast(Verdicts.Outcome.SUSPECT) ? "better" : "same")));
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
