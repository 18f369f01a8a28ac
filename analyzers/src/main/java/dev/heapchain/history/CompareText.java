package dev.heapchain.history;

import dev.heapchain.report.Units;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The terminal form of a comparison: verdict and reasons first, then chains, epochs, pins, classes. */
public final class CompareText {
    private CompareText() {
    }

    public static void render(Comparison c, PrintWriter out) {
        out.println("COMPARE: " + c.verdict().toUpperCase(Locale.ROOT));
        c.regressions().forEach(r -> out.println("  - regressed: " + r));
        c.improvements().forEach(r -> out.println("  - improved: " + r));
        c.notes().forEach(r -> out.println("  - changed: " + r));
        out.println("  current outcome, with what both dumps show: " + c.outcome().shout());
        out.println();
        side("baseline", c.baseline(), out);
        side("current ", c.current(), out);
        out.printf(Locale.ROOT, "threshold: more than %.1f%% and, for bytes, more than %s%n%n", c.threshold().percent(),
                Units.bytes(c.threshold().bytes()));
        out.println("Chains (snapshots, epochs, retained: baseline -> current, delta):");
        if (c.chains().isEmpty()) {
            out.println("  none on either side");
        }
        List<String> same = new java.util.ArrayList<>();
        for (Comparison.ChainDelta d : c.chains()) {
            if (d.change().equals("same") && d.status().equals("matched")) {
                same.add(d.key());
                continue;
            }
            out.printf(Locale.ROOT, "  [%s, %s] %s%n      %s -> %s   %s snapshots, %s%n", d.status(), d.change(), d.key(),
                    side(d.baseline()), side(d.current()), signed(d.snapshotsDelta()), signedBytes(d.retainedDelta()));
        }
        if (!same.isEmpty()) {
            out.printf(Locale.ROOT, "  [matched, same evidence] %s: %s%n", same.size() == 1 ? "1 chain" : Units.count(same.size()) + " chains",
                    same.size() <= 3 ? String.join(", ", same) : String.join(", ", same.subList(0, 3)) + ", ...");
        }
        out.println();
        out.println("Epochs per owner group (snapshots, summed retained: baseline -> current):");
        String group = null;
        for (Comparison.EpochRange r : c.epochRanges()) {
            if (!r.group().equals(group)) {
                group = r.group();
                out.println("  " + group + ":");
            }
            String range = r.fromEpoch() == null ? "none" : r.fromEpoch() + ".." + r.toEpoch() + " (" + Units.count(r.epochs()) + (r.epochs() == 1 ? " epoch)" : " epochs)");
            out.printf(Locale.ROOT, "    %-14s %-28s %s, %s -> %s, %s%n", r.name(), range, Units.count(r.baselineSnapshots()),
                    Units.bytes(r.baselineRetainedBytes()), Units.count(r.currentSnapshots()), Units.bytes(r.currentRetainedBytes()));
        }
        out.println();
        out.println("Pins: " + c.newPins().size() + " new, " + c.vanishedPins().size() + " vanished");
        c.newPins().forEach(p -> out.println("  + " + p.label()));
        c.vanishedPins().forEach(p -> out.println("  - " + p.label()));
        out.println();
        classes(c, out);
        out.flush();
    }

    private static void classes(Comparison c, PrintWriter out) {
        if (c.classes() == null) {
            out.println("Classes: not compared (a report without a class histogram; analyze it again to add one)");
            return;
        }
        out.printf(Locale.ROOT, "Classes by retained growth (top %d):%n", c.classes().size());
        out.printf(Locale.ROOT, "  %12s %12s %12s  %s%n", "instances", "shallow", "retained", "class");
        for (Comparison.ClassDelta d : c.classes()) {
            out.printf(Locale.ROOT, "  %12s %12s %12s  %s%n", signed(d.instancesDelta()), signedBytes(d.shallowDelta()),
                    signedBytes(d.retainedDelta()), d.className());
        }
    }

    private static void side(String name, ReportFacts r, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %s, %s, %s snapshots in %d chains retain %s, live heap %s%n", name, r.source(),
                r.outcome().shout(), Units.count(r.chainSnapshots()), r.chains().size(),
                Units.bytes(r.chainRetainedBytes()), Units.bytes(r.reachableBytes()));
    }

    private static String side(ReportFacts.Chain c) {
        return c == null ? "(none)" : Units.count(c.snapshots()) + " @" + c.minEpoch() + ".." + c.maxEpoch() + " "
                + Units.bytes(c.retainedBytes()) + " " + c.outcome().shout();
    }

    static String signed(long n) {
        return (n > 0 ? "+" : "") + Units.count(n);
    }

    static String signedBytes(long n) {
        return (n > 0 ? "+" : n < 0 ? "-" : "") + Units.bytes(Math.abs(n));
    }
}
