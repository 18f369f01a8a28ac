package dev.heapchain.history;

import dev.heapchain.analysis.chain.Verdicts;
import dev.heapchain.report.Units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

/** Orders reports by capture time and fits growth per hour by least squares. */
public final class Trends {
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private Trends() {
    }

    /**
     * @param limit growth allowed for the chains' retained bytes, or null for no check
     * @throws IllegalArgumentException with fewer than two reports, or when all share one timestamp
     */
    public static TrendReport of(List<ReportFacts> reports, Rates.Growth limit) {
        if (reports.size() < 2) {
            throw new IllegalArgumentException("a trend needs two dumps or reports or more, not " + reports.size());
        }
        List<ReportFacts> sorted = new ArrayList<>(reports);
        // Stable on ties, so dumps with one timestamp keep the order given.
        sorted.sort(Comparator.comparingLong(ReportFacts::capturedAtEpochMillis));
        long t0 = sorted.get(0).capturedAtEpochMillis();
        double span = (sorted.get(sorted.size() - 1).capturedAtEpochMillis() - t0) / MILLIS_PER_HOUR;
        if (span <= 0) {
            throw new IllegalArgumentException("all dumps have the same capture time (" + t0
                    + " ms since 1970), so no growth per hour can be fitted");
        }
        List<TrendReport.Point> points = new ArrayList<>();
        double[] hours = new double[sorted.size()];
        double[] chainBytes = new double[sorted.size()];
        double[] heapBytes = new double[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            ReportFacts r = sorted.get(i);
            hours[i] = (r.capturedAtEpochMillis() - t0) / MILLIS_PER_HOUR;
            chainBytes[i] = r.chainRetainedBytes();
            heapBytes[i] = r.reachableBytes();
            points.add(point(r));
        }
        TrendReport.Fit chains = fit(hours, chainBytes);
        TrendReport.Fit heap = fit(hours, heapBytes);
        List<String> failures = new ArrayList<>();
        if (limit != null && exceeds(chains, limit)) {
            // A percentage limit is checked on any base, so its message gives the percentage it compared.
            failures.add(String.format(Locale.ROOT, "snapshot chains grow by %s, over the limit of %s (fitted over %d dumps spanning %s)",
                    limit.percent() ? checkedRate(chains) : rate(chains), limit.label(), points.size(), span(span)));
        }
        ReportFacts first = sorted.get(0);
        ReportFacts last = sorted.get(sorted.size() - 1);
        List<Verdicts.Reason> across = across(first, last);
        Verdicts.Outcome outcome = Verdicts.Outcome.worse(last.outcome(), across.isEmpty() ? Verdicts.Outcome.NOT_APPLICABLE
                : Verdicts.outcome(across));
        return new TrendReport(List.copyOf(points), span, chains, heap, limit, List.copyOf(failures), outcome, across);
    }

    /** Chains of the first dump that the last dump still holds, judged across the two by the verdict rule. */
    private static List<Verdicts.Reason> across(ReportFacts first, ReportFacts last) {
        Map<String, ReportFacts.Chain> before = new HashMap<>();
        first.chains().forEach(c -> before.put(c.key(), c));
        List<Verdicts.Reason> out = new ArrayList<>();
        for (ReportFacts.Chain c : last.chains()) {
            ReportFacts.Chain b = before.get(c.key());
            if (b != null) {
                out.addAll(Verdicts.across(b.evidence(), c.evidence(), Threshold.DEFAULT.countChanged(b.snapshots(), c.snapshots()),
                        last.maxSnapshots()));
            }
        }
        return List.copyOf(out);
    }

    private static boolean exceeds(TrendReport.Fit fit, Rates.Growth limit) {
        if (!limit.percent()) {
            return fit.bytesPerHour() > limit.perHour();
        }
        // Growth from nothing is infinitely many percent.
        return fit.percentPerHour() == null ? fit.bytesPerHour() > 0 : fit.percentPerHour() > limit.perHour();
    }

    private static TrendReport.Point point(ReportFacts r) {
        List<TrendReport.ChainLength> chains = new ArrayList<>();
        Long oldest = null;
        Long newest = null;
        for (ReportFacts.Chain c : r.chains()) {
            chains.add(new TrendReport.ChainLength(c.key(), c.snapshots()));
            oldest = oldest == null ? c.minEpoch() : Math.min(oldest, c.minEpoch());
            newest = newest == null ? c.maxEpoch() : Math.max(newest, c.maxEpoch());
        }
        return new TrendReport.Point(r.source(), r.capturedAtEpochMillis(), List.copyOf(chains), oldest, newest,
                r.chainRetainedBytes(), r.reachableBytes(), r.outcome());
    }

    /** Ordinary least squares of y on x; x is not constant (checked by the caller). */
    static TrendReport.Fit fit(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxy / sxx;
        double start = my - slope * mx; // x is 0 at the first dump
        // Percent of what the first dump measured, not of the fitted start, which can be negative.
        return new TrendReport.Fit(slope, start, Math.round(y[0]), y[0] > 0 ? 100 * slope / y[0] : null);
    }

    /**
     * "12.0 MB/h (+8.5%/h)"; on a first dump under 1 MB, the absolute rate and the base, since a
     * percentage of a few KB means nothing (see {@link TrendReport.Fit#PERCENT_MIN_BASE_BYTES}).
     */
    public static String rate(TrendReport.Fit f) {
        String bytes = bytesPerHour(f);
        if (f.reportedPercentPerHour() != null) {
            return bytes + String.format(Locale.ROOT, " (%+.1f%%/h)", f.reportedPercentPerHour());
        }
        return f.percentPerHour() == null ? bytes
                : bytes + " (first dump " + Units.bytes(f.baseBytes()) + ", too small a base for a percentage)";
    }

    /** The rate with the percentage a limit was checked against, also on a small base. */
    private static String checkedRate(TrendReport.Fit f) {
        return f.percentPerHour() == null ? bytesPerHour(f) : bytesPerHour(f)
                + String.format(Locale.ROOT, " (%+.1f%%/h of the first dump's %s)", f.percentPerHour(), Units.bytes(f.baseBytes()));
    }

    private static String bytesPerHour(TrendReport.Fit f) {
        return (f.bytesPerHour() < 0 ? "-" : "") + Units.bytes(Math.round(Math.abs(f.bytesPerHour()))) + "/h";
    }

    public static String span(double hours) {
        double seconds = hours * 3600;
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        return seconds < 7200 ? String.format(Locale.ROOT, "%.1f min", seconds / 60) : String.format(Locale.ROOT, "%.1f h", hours);
    }
}
