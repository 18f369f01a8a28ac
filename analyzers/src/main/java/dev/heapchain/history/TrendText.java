package dev.heapchain.history;

import dev.heapchain.report.Units;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;

/** The terminal form of a trend: the growth check and rates first, then one line per dump. */
public final class TrendText {
    private static final int CHAINS_SHOWN = 3;

    private TrendText() {
    }

    public static void render(TrendReport t, PrintWriter out) {
        if (t.limit() == null) {
            out.println("TREND: no growth limit set (--fail-on-growth RATE to check one)");
        } else {
            out.println(t.failed() ? "TREND: GROWTH over " + t.limit().label() : "TREND: growth within " + t.limit().label());
            t.failures().forEach(f -> out.println("  - " + f));
        }
        out.println("  outcome of the last dump, with what the first and last show together: " + t.outcome().shout());
        t.across().forEach(r -> out.println("  - [" + r.outcome().label() + "] " + r.text()));
        out.printf(Locale.ROOT, "  snapshot chains: %s%n  live heap:       %s%n", Trends.rate(t.chains()), Trends.rate(t.heap()));
        out.printf(Locale.ROOT, "  fitted by least squares over %d dumps spanning %s; a rate per hour extrapolates beyond that span%n%n",
                t.points().size(), Trends.span(t.spanHours()));
        out.printf(Locale.ROOT, "%-24s %-14s %10s %21s %12s %12s  %s%n", "captured (UTC)", "verdict", "snapshots", "epochs",
                "chains ret.", "live heap", "dump");
        for (TrendReport.Point p : t.points()) {
            long snapshots = p.chains().stream().mapToLong(TrendReport.ChainLength::snapshots).sum();
            String epochs = p.oldestEpoch() == null ? "-" : p.oldestEpoch() + ".." + p.newestEpoch();
            out.printf(Locale.ROOT, "%-24s %-14s %10s %21s %12s %12s  %s%n", Instant.ofEpochMilli(p.capturedAtEpochMillis()),
                    p.outcome().shout(), Units.count(snapshots), epochs, Units.bytes(p.chainRetainedBytes()),
                    Units.bytes(p.liveHeapBytes()), p.source());
            p.chains().stream().limit(CHAINS_SHOWN).forEach(c ->
                    out.printf(Locale.ROOT, "%-24s %-14s %10s  %s%n", "", "", Units.count(c.snapshots()), c.key()));
        }
        out.flush();
    }
}
