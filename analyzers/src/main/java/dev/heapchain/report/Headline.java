package dev.heapchain.report;

import dev.heapchain.analysis.LeakSuspects;
import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Identities;
import dev.heapchain.analysis.chain.Verdicts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one sentence an on-call engineer reads first, for the text and the HTML page alike: the
 * outcome; what holds the memory and how much, in bytes and as a share of the reachable heap; why,
 * in one clause; and where to look. Also the reasons with repeats folded: the same finding on many
 * chains of one owner group (50 coordinator shards, say) is said once, with a count.
 */
public final class Headline {
    private Headline() {
    }

    /** @param reachableBytes the reachable heap, for the share */
    public static String of(ChainReport r, List<LeakSuspects.Suspect> suspects, long reachableBytes) {
        Verdicts.Outcome outcome = r.verdict().outcome();
        String head = "VERDICT: " + outcome.shout();
        if (outcome == Verdicts.Outcome.NOT_APPLICABLE) {
            String tail = "the dump holds no " + String.join(", ", r.profile().targetClasses());
            return head + ": " + tail + (suspects.isEmpty() ? "." : "; " + suspect(suspects.get(0)) + ".");
        }
        if (outcome == Verdicts.Outcome.NO_LEAK) {
            long retained = r.chains().stream().mapToLong(ChainReport.Chain::retainedBytes).sum();
            return head + ": " + Units.count(r.targets()) + (r.targets() == 1 ? " snapshot" : " snapshots") + " in "
                    + Units.count(r.chains().size()) + (r.chains().size() == 1 ? " chain" : " chains") + (r.targets() == 1 ? " holds " : " hold ")
                    + amount(retained, reachableBytes) + "; " + Verdicts.checked(r.maxSnapshots())
                    + (suspects.isEmpty() ? "." : "; " + suspect(suspects.get(0)) + ".");
        }
        // The worst group carries the headline: its chains, its bytes, its first reason.
        ChainReport.Group group = r.groups().get(0);
        ChainReport.Chain first = r.chains().get(group.chains().get(0));
        Verdicts.Reason why = first.reasons().stream().filter(x -> x.outcome() == outcome).findFirst().orElse(first.reasons().get(0));
        String who = group.chains().size() == 1 ? first.identity() : group.label() + " (" + group.chains().size() + " chains)";
        return head + ": " + who + " holds " + amount(group.retainedBytes(), reachableBytes) + " because " + because(why, first)
                + "; look at " + lookAt(why, first) + ".";
    }

    private static String amount(long bytes, long reachable) {
        return Units.bytes(bytes) + String.format(Locale.ROOT, " (%.1f%% of the reachable heap)",
                reachable <= 0 ? 0.0 : 100.0 * bytes / reachable);
    }

    private static String suspect(LeakSuspects.Suspect s) {
        return String.format(Locale.ROOT, "the largest leak suspect, %s, holds %s (%.1f%% of the reachable heap)%s",
                s.className(), Units.bytes(s.retainedBytes()), 100 * s.share(), s.heldBy() == null ? "" : " through " + s.heldBy());
    }

    /** The reason as a clause. */
    private static String because(Verdicts.Reason why, ChainReport.Chain c) {
        Verdicts.Watermark w = c.watermark();
        return switch (why.kind()) {
            case Verdicts.BOOKKEEPING_PIN -> c.pins().stream().filter(p -> p.kind().equals("bookkeeping")).findFirst()
                    .map(p -> "the head of its live-epoch list, epoch " + p.headEpoch() + ", has no handle left to release it")
                    .orElse("its live-epoch list is stuck");
            case Verdicts.DIRECT_PIN -> c.pins().stream().filter(p -> p.kind().equals("direct")).findFirst()
                    .map(p -> Identities.simpleName(p.holderClass()) + "." + p.field() + " holds its oldest snapshot")
                    .orElse("an outside object holds its oldest snapshot");
            case Verdicts.WATERMARK_BREACH -> Units.count(w.below()) + " snapshots lie below its trim watermark " + w.field() + " = "
                    + w.value() + ", so trimming did not run";
            case Verdicts.COMMIT_STALL -> "commits stalled at offset " + w.value() + " with " + Units.count(w.above()) + " snapshots waiting";
            case Verdicts.HEAD_STALL -> "its live-epoch head stays at epoch " + w.value() + " with " + Units.count(w.above()) + " snapshots waiting";
            default -> "it holds " + Units.count(c.length()) + " snapshots and no trim watermark is known";
        };
    }

    /** Class and field to look at. */
    private static String lookAt(Verdicts.Reason why, ChainReport.Chain c) {
        switch (why.kind()) {
            case Verdicts.BOOKKEEPING_PIN:
                for (ChainReport.Pin p : c.pins()) {
                    if (p.kind().equals("bookkeeping") && p.pathToHolder() != null && p.pathToHolder().steps().size() >= 2) {
                        var steps = p.pathToHolder().steps();
                        return Identities.simpleName(steps.get(steps.size() - 2).className()) + "." + steps.get(steps.size() - 1).field()
                                + " and who releases its handles";
                    }
                }
                break;
            case Verdicts.DIRECT_PIN:
                for (ChainReport.Pin p : c.pins()) {
                    if (p.kind().equals("direct")) {
                        return p.holderClass() + "." + p.field();
                    }
                }
                break;
            default:
                if (c.watermark() != null && c.owner().className() != null) {
                    return c.owner().className() + "." + c.watermark().field();
                }
        }
        return c.owner().label();
    }

    /**
     * The reasons with repeats folded: per owner group and kind, the first reason and how many more
     * chains of the group have the same finding.
     */
    public static List<String> reasons(ChainReport r) {
        Map<String, List<Verdicts.Reason>> byGroupAndKind = new LinkedHashMap<>();
        Map<String, String> groupOf = new LinkedHashMap<>();
        r.chains().forEach(c -> groupOf.put(c.identity(), c.owner().label()));
        for (Verdicts.Reason x : r.verdict().reasons()) {
            byGroupAndKind.computeIfAbsent(groupOf.getOrDefault(x.chain(), x.chain()) + "\u0000" + x.kind(), k -> new ArrayList<>()).add(x);
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Verdicts.Reason>> e : byGroupAndKind.entrySet()) {
            List<Verdicts.Reason> same = e.getValue();
            Verdicts.Reason x = same.get(0);
            String line = "[" + x.outcome().label() + "] " + x.text();
            if (same.size() > 1) {
                line += String.format(Locale.ROOT, " (and %s more %s %s with this finding, %s)", Units.count(same.size() - 1),
                        e.getKey().substring(0, e.getKey().indexOf('\u0000')), same.size() == 2 ? "chain" : "chains", x.kind());
            }
            out.add(line);
        }
        return out;
    }
}
