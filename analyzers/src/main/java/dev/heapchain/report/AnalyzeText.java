package dev.heapchain.report;

import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.chain.ChainReport;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The terminal summary of `analyze`: verdict first, then chains, pins and the heaviest epochs. */
public final class AnalyzeText {
    private static final int EPOCHS_SHOWN = 10;
    private static final int CHAINS_SHOWN = 5;

    private AnalyzeText() {
    }

    public static void render(EngineSummary s, ChainReport r, PrintWriter out) {
        var v = r.verdict();
        out.println(v.leak() ? "VERDICT: LEAK" : "VERDICT: no leak");
        for (String reason : v.reasons()) {
            out.println("  - " + reason);
        }
        if (!v.leak()) {
            out.printf(Locale.ROOT, "  %s snapshot%s in %s chain%s; none longer than %d or pinned.%n", Units.count(r.targets()),
                    r.targets() == 1 ? "" : "s", Units.count(r.chains().size()), r.chains().size() == 1 ? "" : "s",
                    r.maxLiveEpochs());
        }
        out.println();
        ObjectsReport.header(s, out);
        out.printf(Locale.ROOT, "profile: %s (%s; epoch field '%s')%n%n", r.profile().name(),
                String.join(", ", r.profile().targetClasses()), r.profile().epochField());
        out.printf(Locale.ROOT, "Chains: %s%n", Units.count(r.chains().size()));
        int i = 0;
        for (ChainReport.Chain c : r.chains()) {
            if (++i > CHAINS_SHOWN) {
                out.printf(Locale.ROOT, "  ... %s more chains (see --json)%n", Units.count(r.chains().size() - CHAINS_SHOWN));
                break;
            }
            chain(i, c, out);
        }
        out.println();
        epochs(r, out);
        out.flush();
    }

    private static void chain(int i, ChainReport.Chain c, PrintWriter out) {
        String owner = c.containerClass() == null ? "no owner found" : c.containerClass() + " " + Units.hexId(c.containerId());
        out.printf(Locale.ROOT, "%n%d. %s: %s snapshot%s, epochs %d..%d%s, retains %s%n", i, owner, Units.count(c.length()),
                c.length() == 1 ? "" : "s", c.minEpoch(), c.maxEpoch(),
                c.missingEpochs() == 0 ? "" : " (" + Units.count(c.missingEpochs()) + " missing)", Units.bytes(c.retainedBytes()));
        if (c.pathToContainer() != null) {
            out.println("   path to the owner:");
            ObjectsReport.path(c.pathToContainer(), "     ", out);
        }
        out.println("   path to the oldest snapshot " + c.oldestClass() + " " + Units.hexId(c.oldestObjectId()) + ":");
        ObjectsReport.path(c.pathToOldest(), "     ", out);
        for (ChainReport.Pin p : c.pins()) {
            out.println("   PIN (" + p.kind() + "): " + p.explanation());
            out.println("     path to " + p.holderClass() + " " + Units.hexId(p.holderId()) + ":");
            ObjectsReport.path(p.pathToHolder(), "       ", out);
        }
    }

    private static void epochs(ChainReport r, PrintWriter out) {
        List<ChainReport.EpochStats> heavy = new ArrayList<>(r.epochs());
        heavy.sort(Comparator.comparingLong(ChainReport.EpochStats::retainedBytes).reversed()
                .thenComparingLong(ChainReport.EpochStats::epoch));
        out.printf(Locale.ROOT, "Heaviest epochs (%s of %s, by retained size):%n", Units.count(Math.min(EPOCHS_SHOWN, heavy.size())),
                Units.count(heavy.size()));
        out.printf(Locale.ROOT, "%22s %8s %12s %12s  %s%n", "epoch", "objects", "shallow", "retained", "retains mostly");
        for (ChainReport.EpochStats e : heavy.subList(0, Math.min(EPOCHS_SHOWN, heavy.size()))) {
            String top = e.topRetainedClasses() == null || e.topRetainedClasses().isEmpty() ? "-"
                    : e.topRetainedClasses().get(0).className() + " (" + Units.bytes(e.topRetainedClasses().get(0).bytes()) + ")";
            out.printf(Locale.ROOT, "%22d %8s %12s %12s  %s%n", e.epoch(), Units.count(e.count()), Units.bytes(e.shallowBytes()),
                    Units.bytes(e.retainedBytes()), top);
        }
    }
}
