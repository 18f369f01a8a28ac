package dev.heapchain.report;

import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.LeakSuspects;
import dev.heapchain.analysis.chain.ChainDiscovery;
import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Verdicts;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The terminal summary of `analyze`: verdict and its reasons first, then the owner groups with
 * their chains, watermarks, paths and pins, then the heaviest epochs of each group.
 */
public final class AnalyzeText {
    private static final int EPOCHS_SHOWN = 10;
    /** Chains shown with their paths, over all groups; further chains get one line each. */
    private static final int CHAINS_DETAILED = 5;
    private static final int CHAINS_LISTED_PER_GROUP = 5;
    private static final int REASONS_SHOWN = 10;

    private AnalyzeText() {
    }

    public static void render(EngineSummary s, ChainReport r, List<LeakSuspects.Suspect> suspects, PrintWriter out) {
        verdict(s, r, suspects, out);
        out.println();
        ObjectsReport.header(s, out);
        suspects(s, suspects, out);
        out.printf(Locale.ROOT, "profile: %s (%s; epoch field '%s')%n", r.profile().name(),
                String.join(", ", r.profile().targetClasses()), r.profile().epochField());
        out.println(counts(r));
        if (!r.groups().isEmpty()) {
            out.println();
            groups(r, out);
            out.println();
            epochs(r, out);
        }
        out.flush();
    }

    private static void verdict(EngineSummary s, ChainReport r, List<LeakSuspects.Suspect> suspects, PrintWriter out) {
        ChainReport.Verdict v = r.verdict();
        out.println(Headline.of(r, suspects, s.reachableBytes()));
        List<String> reasons = Headline.reasons(r);
        for (String reason : reasons.subList(0, Math.min(REASONS_SHOWN, reasons.size()))) {
            out.println("  - " + reason);
        }
        if (reasons.size() > REASONS_SHOWN) {
            out.printf(Locale.ROOT, "  - ... %s more reasons (see --json)%n", Units.count(reasons.size() - REASONS_SHOWN));
        }
        if (v.outcome() == Verdicts.Outcome.NOT_APPLICABLE) {
            notApplicable(s, r, out);
        }
    }

    private static void notApplicable(EngineSummary s, ChainReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "  Profile %s has nothing to judge here.%n", r.profile().name());
        if (r.discovered().isEmpty()) {
            out.println("  No class in it looks like a snapshot chain (instances linked through a field of their own type, with a number rising along the links).");
            return;
        }
        out.println("  Classes that look like snapshot chains (found without a profile), each with the command that analyzes it:");
        for (ChainDiscovery.Candidate c : r.discovered()) {
            out.printf(Locale.ROOT, "    %s: %s, longest chain %s (linked by '%s', epoch '%s')%n      %s%n", c.className(),
                    plural(c.instances(), "instance"), Units.count(c.longestChain()), c.linkField(), c.epochField(),
                    c.command(s.dump().file()));
        }
    }

    private static void suspects(EngineSummary s, List<LeakSuspects.Suspect> suspects, PrintWriter out) {
        if (suspects.isEmpty()) {
            out.printf(Locale.ROOT, "Leak suspects: none (no object or class outside the class loaders retains %d%% of the reachable heap)%n%n",
                    Math.round(100 * LeakSuspects.SHARE));
            return;
        }
        out.printf(Locale.ROOT, "Leak suspects (objects, or one class's instances, retaining more than %d%% of the reachable heap):%n",
                Math.round(100 * LeakSuspects.SHARE));
        int i = 0;
        for (LeakSuspects.Suspect x : suspects) {
            String what = x.kind().equals("class") ? plural(x.instances(), "instance") + " of " + x.className() + ", under "
                    + Units.hexId(x.objectId()) : x.className() + " " + Units.hexId(x.objectId());
            out.printf(Locale.ROOT, "%d. %s retains %s (%.1f%% of the reachable heap)%s%n", ++i, what, Units.bytes(x.retainedBytes()),
                    100 * x.share(), x.heldBy() == null ? "" : ", held by " + x.heldBy());
            LeakSuspects.Accumulation acc = x.accumulation();
            out.printf(Locale.ROOT, "   accumulates in %s %s: %s%s%n", acc.className(), Units.hexId(acc.objectId()),
                    Units.count(acc.children()) + (acc.children() == 1 ? " child" : " children"), acc.childClass() == null ? "" : String.format(Locale.ROOT,
                            ", %s of them %s (%s)", Units.count(acc.childClassCount()), acc.childClass(), Units.bytes(acc.childClassBytes())));
            out.println("   path to it:");
            ObjectsReport.path(x.path(), "     ", out);
        }
        out.println();
    }

    static String counts(ChainReport r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Snapshots: %s in %s", Units.count(r.targets()),
                plural(r.chains().size(), "chain")));
        if (r.sentinels() > 0) {
            sb.append(String.format(Locale.ROOT, "; %s counted apart (the profile's sentinel epochs %s)",
                    plural(r.sentinels(), "list-head sentinel"), r.profile().sentinelEpochs()));
        }
        if (r.unreachable() > 0) {
            sb.append(String.format(Locale.ROOT, "; %s unreachable, left out", Units.count(r.unreachable())));
        }
        return sb.append('.').toString();
    }

    private static void groups(ChainReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "Owners: %s%n", plural(r.groups().size(), "group"));
        int detailed = 0;
        int gi = 0;
        for (ChainReport.Group g : r.groups()) {
            out.printf(Locale.ROOT, "%n%d. %s: %s, %s, retains %s  [%s]%n", ++gi, g.label(), plural(g.chains().size(), "chain"),
                    plural(g.snapshots(), "snapshot"), Units.bytes(g.retainedBytes()), g.outcome().label());
            int listed = 0;
            for (int index : g.chains()) {
                ChainReport.Chain c = r.chains().get(index);
                if (detailed < CHAINS_DETAILED) {
                    detailed++;
                    listed++;
                    chain(c, true, out);
                } else if (listed < CHAINS_LISTED_PER_GROUP) {
                    listed++;
                    chain(c, false, out);
                } else {
                    out.printf(Locale.ROOT, "   ... %s more in this group (see --json)%n", plural(g.chains().size() - listed, "chain"));
                    break;
                }
            }
        }
    }

    private static void chain(ChainReport.Chain c, boolean detailed, PrintWriter out) {
        out.printf(Locale.ROOT, "   - %s: %s, epochs %d..%d, retains %s  [%s]%n", c.identity(), plural(c.length(), "snapshot"),
                c.minEpoch(), c.maxEpoch(), Units.bytes(c.retainedBytes()), c.outcome().label());
        Verdicts.Watermark w = c.watermark();
        if (w != null) {
            out.printf(Locale.ROOT, "     trim watermark %s = %d: %s below it, %s above it (%s)%s%n", w.field(), w.value(),
                    Units.count(w.below()), Units.count(w.above()), w.head() ? "waiting for the head to move" : "writes in flight",
                    w.written() == null ? "" : "; newest write " + w.written());
        }
        if (!detailed) {
            return;
        }
        if (c.owner().objectId() != null) {
            out.println("     owner: " + c.owner().className() + " " + Units.hexId(c.owner().objectId()));
        }
        if (c.pathToContainer() != null) {
            out.println("     path to the container " + c.containerClass() + " " + Units.hexId(c.containerId()) + ":");
            ObjectsReport.path(c.pathToContainer(), "       ", out);
        }
        out.println("     path to the oldest snapshot " + c.oldestClass() + " " + Units.hexId(c.oldestObjectId()) + ":");
        ObjectsReport.path(c.pathToOldest(), "       ", out);
        for (ChainReport.Pin p : c.pins()) {
            out.println("     PIN (" + p.kind() + "): " + p.explanation());
            out.println("       path to " + p.holderClass() + " " + Units.hexId(p.holderId()) + ":");
            ObjectsReport.path(p.pathToHolder(), "         ", out);
        }
    }

    private static void epochs(ChainReport r, PrintWriter out) {
        out.println("Heaviest epochs, per owner group (each group's epochs are its own):");
        for (ChainReport.Group g : r.groups()) {
            List<ChainReport.EpochStats> heavy = heaviest(g.epochs(), EPOCHS_SHOWN);
            out.printf(Locale.ROOT, "%n  %s (%s of %s, by retained size):%n", g.label(), Units.count(heavy.size()),
                    plural(g.epochs().size(), "epoch"));
            out.printf(Locale.ROOT, "  %22s %8s %12s %12s  %s%n", "epoch", "objects", "shallow", "retained", "retains mostly");
            for (ChainReport.EpochStats e : heavy) {
                String top = e.topRetainedClasses() == null || e.topRetainedClasses().isEmpty() ? "-"
                        : e.topRetainedClasses().get(0).className() + " (" + Units.bytes(e.topRetainedClasses().get(0).bytes()) + ")";
                out.printf(Locale.ROOT, "  %22d %8s %12s %12s  %s%n", e.epoch(), Units.count(e.count()), Units.bytes(e.shallowBytes()),
                        Units.bytes(e.retainedBytes()), top);
            }
        }
    }

    /** The heaviest epochs by retained size, ties by epoch: what text and HTML both show. */
    public static List<ChainReport.EpochStats> heaviest(List<ChainReport.EpochStats> epochs, int n) {
        List<ChainReport.EpochStats> heavy = new ArrayList<>(epochs);
        heavy.sort(Comparator.comparingLong(ChainReport.EpochStats::retainedBytes).reversed()
                .thenComparingLong(ChainReport.EpochStats::epoch));
        return List.copyOf(heavy.subList(0, Math.min(n, heavy.size())));
    }

    static String plural(long n, String noun) {
        return Units.count(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
