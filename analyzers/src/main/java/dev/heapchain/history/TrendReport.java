package dev.heapchain.history;

import dev.heapchain.analysis.chain.Verdicts;

import java.util.List;

/**
 * The result of {@link Trends}: one point per dump, oldest first, and growth fitted over them.
 *
 * @param spanHours  hours from the first dump to the last: rates extrapolate beyond it
 * @param chains     fit of the chains' retained bytes against time
 * @param heap       fit of the live (reachable) heap against time
 * @param limit      the --fail-on-growth limit applied to the chains' fit, or null
 * @param failures   why the growth check failed; empty when it passed or no limit was set
 * @param outcome    the last dump's outcome with what the first and last dumps show together
 * @param across     that evidence: chains that grew from the first dump to the last while their oldest
 *                   epoch stayed put ({@link Verdicts#across})
 */
public record TrendReport(List<Point> points, double spanHours, Fit chains, Fit heap, Rates.Growth limit,
                          List<String> failures, Verdicts.Outcome outcome, List<Verdicts.Reason> across) {

    /**
     * @param oldestEpoch null when the dump holds no snapshot
     */
    public record Point(String source, long capturedAtEpochMillis, List<ChainLength> chains, Long oldestEpoch,
                        Long newestEpoch, long chainRetainedBytes, long liveHeapBytes, Verdicts.Outcome outcome) {
    }

    public record ChainLength(String key, long snapshots) {
    }

    /**
     * A least-squares line through (hours since the first dump, bytes).
     *
     * @param bytesPerHour    the slope
     * @param startBytes      the line's value at the first dump
     * @param baseBytes       the first dump's value, which percentages are of
     * @param percentPerHour  the slope as a percentage of baseBytes; null when that is 0. What a
     *                        {@code --fail-on-growth 5%/h} check compares, however small the base
     */
    public record Fit(double bytesPerHour, double startBytes, long baseBytes, Double percentPerHour) {
        /**
         * Reports give a percentage only from this base up (1 MB): on a few KB of chains at the
         * first dump, ordinary growth came out as "+2135%/h", where the absolute rate says what happened.
         */
        public static final long PERCENT_MIN_BASE_BYTES = 1L << 20;

        /** The percentage reports show: null when the base is under {@link #PERCENT_MIN_BASE_BYTES}. */
        public Double reportedPercentPerHour() {
            return baseBytes < PERCENT_MIN_BASE_BYTES ? null : percentPerHour;
        }
    }

    public boolean failed() {
        return !failures.isEmpty();
    }
}
