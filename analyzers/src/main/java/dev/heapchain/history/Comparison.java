package dev.heapchain.history;

import dev.heapchain.analysis.chain.Verdicts;

import java.util.List;

/**
 * The result of {@link Comparer}: baseline against current. Immutable; renderers only format it.
 *
 * @param chains       matched chains first (in the current report's order), then new, then vanished
 * @param outcome      the current dump's outcome with what the two dumps show together
 * @param epochRanges  epochs only in the baseline, in both, and only in the current report
 * @param classes      classes by retained growth, largest first; null when a report has no histogram
 * @param verdict      "regressed", "improved" or "unchanged"
 * @param regressions  why it regressed (empty unless something did)
 * @param improvements what improved
 * @param notes        numbers that moved past the threshold without changing the evidence
 */
public record Comparison(ReportFacts baseline, ReportFacts current, Threshold threshold, Verdicts.Outcome outcome,
                         List<ChainDelta> chains,
                         List<EpochRange> epochRanges, List<ReportFacts.Pin> newPins,
                         List<ReportFacts.Pin> vanishedPins, List<ClassDelta> classes, String verdict,
                         List<String> regressions, List<String> improvements, List<String> notes) {

    public static final String REGRESSED = "regressed";
    public static final String IMPROVED = "improved";
    public static final String UNCHANGED = "unchanged";

    /**
     * A chain on either side; {@code baseline} or {@code current} is null when the chain is new or
     * vanished.
     *
     * @param across  what the two dumps show together (growth while the oldest epoch stays put)
     * @param outcome the current side's outcome with {@code across}; the baseline's when vanished
     * @param change  "worse", "better" or "same": the evidence, not the numbers
     */
    public record ChainDelta(String key, ReportFacts.Chain baseline, ReportFacts.Chain current,
                             List<Verdicts.Reason> across, Verdicts.Outcome outcome, String change) {
        public String status() {
            return baseline == null ? "new" : current == null ? "vanished" : "matched";
        }

        public long snapshotsDelta() {
            return (current == null ? 0 : current.snapshots()) - (baseline == null ? 0 : baseline.snapshots());
        }

        public long retainedDelta() {
            return (current == null ? 0 : current.retainedBytes()) - (baseline == null ? 0 : baseline.retainedBytes());
        }
    }

    /**
     * Epochs of one owner group, grouped by where they occur. {@code fromEpoch}/{@code toEpoch} are null when the group
     * is empty. Retained bytes are the sum of the epochs' retained sizes in each report.
     */
    public record EpochRange(String group, String name, Long fromEpoch, Long toEpoch, long epochs, long baselineSnapshots,
                             long baselineRetainedBytes, long currentSnapshots, long currentRetainedBytes) {
    }

    public record ClassDelta(String className, ReportFacts.ClassRow baseline, ReportFacts.ClassRow current) {
        public long instancesDelta() {
            return current.instances() - baseline.instances();
        }

        public long shallowDelta() {
            return current.shallowBytes() - baseline.shallowBytes();
        }

        public long retainedDelta() {
            return current.retainedBytes() - baseline.retainedBytes();
        }
    }
}
