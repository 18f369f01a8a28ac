package dev.heapchain.analysis.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The verdict: LEAK when a chain is too long, its oldest epoch trails too far, or a pin holds it. */
final class VerdictRules {
    private VerdictRules() {
    }

    static ChainReport.Verdict decide(List<ChainReport.Chain> chains, int maxLiveEpochs) {
        List<String> reasons = new ArrayList<>();
        for (ChainReport.Chain c : chains) {
            String where = c.containerClass() == null ? "A chain of " + c.oldestClass()
                    : "The chain in " + c.containerClass() + " " + hex(c.containerId());
            if (c.length() > maxLiveEpochs) {
                reasons.add(String.format(Locale.ROOT, "%s holds %,d snapshots (epochs %d to %d), more than the %d allowed by --max-live-epochs.",
                        where, c.length(), c.minEpoch(), c.maxEpoch(), maxLiveEpochs));
            }
            long trail = c.maxEpoch() - c.minEpoch();
            if (trail > maxLiveEpochs) {
                reasons.add(String.format(Locale.ROOT, "%s keeps its oldest live epoch %d although the newest is %d: it trails by %,d epochs, more than %d.",
                        where, c.minEpoch(), c.maxEpoch(), trail, maxLiveEpochs));
            }
            for (ChainReport.Pin p : c.pins()) {
                reasons.add(p.explanation());
            }
        }
        return new ChainReport.Verdict(!reasons.isEmpty(), List.copyOf(reasons));
    }

    static String hex(Long id) {
        return id == null ? "?" : "0x" + Long.toHexString(id);
    }
}
