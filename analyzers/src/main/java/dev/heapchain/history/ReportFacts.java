package dev.heapchain.history;

import dev.heapchain.analysis.chain.Verdicts;

import java.util.List;

/**
 * What compare and trend need from one analyze report, read from its JSON so a stored report and a
 * freshly analyzed dump look the same. Nothing here is an object id: ids change between dumps.
 *
 * @param source         the report or dump file as given
 * @param maxSnapshots   the limit the report was made with
 * @param chains         as in the report: worst outcome first, then largest retained
 * @param classes        the report's class histogram, or null when the report has none
 */
public record ReportFacts(String source, String dumpFile, long capturedAtEpochMillis, long reachableBytes,
                          int maxSnapshots, Verdicts.Outcome outcome, List<Verdicts.Reason> reasons, List<Chain> chains,
                          List<Epoch> epochs, List<ClassRow> classes) {

    /**
     * One chain, named by {@code key}: its identity, which stays the same from one dump to the next.
     *
     * @param watermark null when the report knew none
     */
    public record Chain(String key, long snapshots, long minEpoch, long maxEpoch, long retainedBytes, List<Pin> pins,
                        Verdicts.Watermark watermark, Verdicts.Outcome outcome, List<Verdicts.Reason> reasons) {
        /** What the verdict rule looks at, for the rule across dumps. */
        public Verdicts.Evidence evidence() {
            return new Verdicts.Evidence(key, snapshots, minEpoch, maxEpoch,
                    pins.stream().map(p -> new Verdicts.PinEvidence(p.kind(), p.label())).toList(), watermark);
        }
    }

    /** A pin, matched between dumps by kind, holder class and field (null when none). */
    public record Pin(String kind, String holderClass, String field) {
        public String label() {
            return kind + " pin by " + holderClass + (field == null ? "" : "." + field);
        }
    }

    /** An epoch of one owner group's space: epochs of different groups are never added together. */
    public record Epoch(String group, long epoch, long count, long retainedBytes) {
    }

    public record ClassRow(String className, long instances, long shallowBytes, long retainedBytes) {
    }

    public boolean leak() {
        return outcome == Verdicts.Outcome.LEAK;
    }

    public long chainSnapshots() {
        return chains.stream().mapToLong(Chain::snapshots).sum();
    }

    public long chainRetainedBytes() {
        return chains.stream().mapToLong(Chain::retainedBytes).sum();
    }
}
