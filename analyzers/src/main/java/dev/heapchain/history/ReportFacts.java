package dev.heapchain.history;

import java.util.List;

/**
 * What compare and trend need from one analyze report, read from its JSON so a stored report and a
 * freshly analyzed dump look the same. Nothing here is an object id: ids change between dumps.
 *
 * @param source         the report or dump file as given
 * @param chains         as in the report: largest retained first
 * @param classes        the report's class histogram, or null when the report has none
 */
public record ReportFacts(String source, String dumpFile, long capturedAtEpochMillis, long reachableBytes,
                          int maxLiveEpochs, boolean leak, List<String> reasons, List<Chain> chains,
                          List<Epoch> epochs, List<ClassRow> classes) {

    /**
     * One chain, named by {@code key}: its container's class and the field path from its GC root,
     * which stay the same from one dump to the next.
     */
    public record Chain(String key, long snapshots, long minEpoch, long maxEpoch, long retainedBytes, List<Pin> pins) {
        /** Epochs from the oldest to the newest, inclusive: what --max-live-epochs bounds. */
        public long span() {
            return maxEpoch - minEpoch + 1;
        }
    }

    /** A pin, matched between dumps by kind, holder class and field (null when none). */
    public record Pin(String kind, String holderClass, String field) {
        public String label() {
            return kind + " pin by " + holderClass + (field == null ? "" : "." + field);
        }
    }

    public record Epoch(long epoch, long count, long retainedBytes) {
    }

    public record ClassRow(String className, long instances, long shallowBytes, long retainedBytes) {
    }

    public long chainSnapshots() {
        return chains.stream().mapToLong(Chain::snapshots).sum();
    }

    public long chainRetainedBytes() {
        return chains.stream().mapToLong(Chain::retainedBytes).sum();
    }
}
