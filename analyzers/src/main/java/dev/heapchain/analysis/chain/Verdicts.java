package dev.heapchain.analysis.chain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The verdict rule, in one place: analyze (one dump), compare and trend (two dumps or more) all
 * decide here, and every report renders the structured {@link Reason}s this returns.
 *
 * <p>LEAK rests on evidence that trimming is blocked: a pin (a live-epoch head that no handle
 * carries, or an outside object holding an old snapshot), a breached trim watermark (snapshots
 * older than the owner's watermark, which trimming should already have deleted), or, across
 * dumps, a chain that grew while its oldest epoch stayed put although the owner's watermark moved
 * past it. A chain that is merely long is SUSPECT: more snapshots than the limit waiting above a
 * watermark that is not breached (commits stalled), or, with no watermark known, more snapshots
 * than the limit; so is growth across dumps with no watermark known or one that stood still. The
 * limit counts snapshots, never epoch differences: epochs are log offsets in Kafka, where one
 * write batch moves the epoch by its record count.
 */
public final class Verdicts {
    private Verdicts() {
    }

    /** The four outcomes, mildest first. */
    public enum Outcome {
        NOT_APPLICABLE("not applicable"), NO_LEAK("no leak"), SUSPECT("suspect"), LEAK("leak");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** As in the JSON: "leak", "suspect", "no leak", "not applicable". */
        public String label() {
            return label;
        }

        /** For headlines: "LEAK", "SUSPECT", "no leak", "not applicable". */
        public String shout() {
            return this == LEAK || this == SUSPECT ? label.toUpperCase(Locale.ROOT) : label;
        }

        public boolean atLeast(Outcome o) {
            return compareTo(o) >= 0;
        }

        public static Outcome of(String label) {
            for (Outcome o : values()) {
                if (o.label.equals(label)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown outcome '" + label + "'");
        }

        public static Outcome worse(Outcome a, Outcome b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }

    /** Reason kinds, as in the JSON. */
    public static final String BOOKKEEPING_PIN = "bookkeeping-pin";
    public static final String DIRECT_PIN = "direct-pin";
    public static final String WATERMARK_BREACH = "watermark-breach";
    public static final String TRIM_IN_PROGRESS = "trim-in-progress";
    public static final String COMMIT_STALL = "commit-stall";
    public static final String HEAD_STALL = "head-stall";
    public static final String LONG_CHAIN = "long-chain";
    public static final String GROWTH_PAST_WATERMARK = "growth-past-watermark";
    public static final String GROWTH = "growth";

    /**
     * One piece of evidence and what it makes of a chain.
     *
     * @param chain the chain's identity (see {@link ChainReport.Chain#identity})
     * @param text  one plain sentence
     */
    public record Reason(Outcome outcome, String kind, String chain, String text) {
    }

    /**
     * An owner's trim watermark as the dump shows it.
     *
     * @param field  where it was read: a field path of the owner ({@code offsetControl.lastStableOffset}),
     *               or {@code liveEpochs[0]} for a live-epoch list's head
     * @param head   whether it is a live-epoch list's head rather than a committed offset
     * @param below  snapshots with an epoch under the watermark: trimming deletes those, so a breach
     * @param above  snapshots with an epoch over it: writes in flight, waiting for the watermark
     * @param written the owner's newest write (bounds the writes in flight), or null when not known
     */
    public record Watermark(String field, boolean head, long value, long below, long above, Long written) {
    }

    /** A pin as evidence: its kind ("direct" or "bookkeeping") and its sentence. */
    public record PinEvidence(String kind, String text) {
    }

    /**
     * What the verdict looks at in one chain; read from the heap by analyze, or from a stored
     * report by compare and trend.
     *
     * @param watermark null when the profile names none for the owner, or it could not be read
     * @param trimming  which thread was inside a trim method when the dump was taken, or null
     */
    public record Evidence(String chain, long snapshots, long minEpoch, long maxEpoch, List<PinEvidence> pins,
                           Watermark watermark, String trimming) {
        public Evidence(String chain, long snapshots, long minEpoch, long maxEpoch, List<PinEvidence> pins, Watermark watermark) {
            this(chain, snapshots, minEpoch, maxEpoch, pins, watermark, null);
        }
    }

    /** The reasons one dump gives about one chain; empty means no leak. */
    public static List<Reason> of(Evidence e, int maxSnapshots) {
        List<Reason> out = new ArrayList<>();
        for (PinEvidence p : e.pins()) {
            out.add(new Reason(Outcome.LEAK, p.kind().equals("bookkeeping") ? BOOKKEEPING_PIN : DIRECT_PIN, e.chain(),
                    e.chain() + ": " + p.text()));
        }
        Watermark w = e.watermark();
        if (w != null && w.below() > 0 && e.trimming() != null) {
            // The dump caught the owner between moving its watermark and finishing the trim.
            return List.of(new Reason(Outcome.NO_LEAK, TRIM_IN_PROGRESS, e.chain(), String.format(Locale.ROOT,
                    "%s holds %s below its trim watermark %s = %d, but %s when the dump was taken: the trim was under way, "
                            + "which is no evidence of a leak.", e.chain(), snapshots(w.below()), w.field(), w.value(), e.trimming())));
        }
        if (w != null && w.below() > 0) {
            out.add(new Reason(Outcome.LEAK, WATERMARK_BREACH, e.chain(), String.format(Locale.ROOT,
                    "%s holds %s below its trim watermark %s = %d (oldest epoch %d), which trimming deletes: trimming did not run.",
                    e.chain(), snapshots(w.below()), w.field(), w.value(), e.minEpoch())));
        }
        boolean leak = !out.isEmpty();
        // A stall beside a pin or breach says nothing more: the pin is why the snapshots wait.
        if (leak) {
            return List.copyOf(out);
        }
        if (w != null && w.above() > maxSnapshots) {
            out.add(new Reason(Outcome.SUSPECT, w.head() ? HEAD_STALL : COMMIT_STALL, e.chain(), w.head()
                    ? String.format(Locale.ROOT, "%s: the live-epoch head stays at epoch %d while %s wait above it (more than %d).",
                    e.chain(), w.value(), snapshots(w.above()), maxSnapshots)
                    : String.format(Locale.ROOT, "%s: commits stalled at offset %d (%s): %s wait for it (more than %d); none lies below it, so trimming works but nothing commits.",
                    e.chain(), w.value(), w.field(), snapshots(w.above()), maxSnapshots)));
        } else if (w == null && e.snapshots() > maxSnapshots) {
            out.add(new Reason(Outcome.SUSPECT, LONG_CHAIN, e.chain(), String.format(Locale.ROOT,
                    "%s holds %s (epochs %d to %d), more than %d, and no trim watermark is known to tell a stall from a leak.",
                    e.chain(), snapshots(e.snapshots()), e.minEpoch(), e.maxEpoch(), maxSnapshots)));
        }
        return List.copyOf(out);
    }

    /**
     * What two dumps of one chain say together, beyond what each says alone: growth while the oldest
     * epoch stays put. LEAK when the owner's watermark moved past that epoch, SUSPECT when no
     * watermark is known or it stood still.
     *
     * @param grew whether the growth is past the comparison's threshold (the caller's rule)
     */
    public static List<Reason> across(Evidence before, Evidence after, boolean grew, int maxSnapshots) {
        if (!grew || after.snapshots() <= before.snapshots() || after.snapshots() <= maxSnapshots
                || after.minEpoch() != before.minEpoch()) {
            return List.of();
        }
        Watermark wb = before.watermark();
        Watermark wa = after.watermark();
        String growth = String.format(Locale.ROOT, "%s grew from %s to %s while its oldest epoch stayed at %d",
                after.chain(), Units.count(before.snapshots()), snapshots(after.snapshots()), after.minEpoch());
        if (wb != null && wa != null && wa.value() > wb.value() && wa.value() > after.minEpoch()) {
            return List.of(new Reason(Outcome.LEAK, GROWTH_PAST_WATERMARK, after.chain(), String.format(Locale.ROOT,
                    "%s, although its trim watermark %s moved from %d to %d, past it.", growth, wa.field(), wb.value(), wa.value())));
        }
        String why = wb == null || wa == null ? "no trim watermark is known"
                : String.format(Locale.ROOT, "its trim watermark %s stood at %d", wa.field(), wa.value());
        return List.of(new Reason(Outcome.SUSPECT, GROWTH, after.chain(), growth + "; " + why + "."));
    }

    /** What "no leak" checked, for reports to say in words: the rule above, in one clause. */
    public static String checked(int maxSnapshots) {
        return "none pinned, none below its owner's trim watermark, none with more than " + maxSnapshots + " waiting";
    }

    /** The worst outcome among reasons; no leak when there are none. */
    public static Outcome outcome(Collection<Reason> reasons) {
        Outcome o = Outcome.NO_LEAK;
        for (Reason r : reasons) {
            o = Outcome.worse(o, r.outcome());
        }
        return o;
    }

    private static String snapshots(long n) {
        return Units.count(n) + (n == 1 ? " snapshot" : " snapshots");
    }

    /** Thousands separators without the report layer (which sits above this one). */
    private static final class Units {
        static String count(long n) {
            return String.format(Locale.ROOT, "%,d", n);
        }
    }
}
