package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.RootPath;

import java.util.List;

/**
 * The result of {@link ChainAnalysis}: immutable records; renderers only format them.
 *
 * @param maxSnapshots  the limit: snapshots a chain may hold (or keep waiting above its watermark)
 *                      before it is SUSPECT
 * @param targetClassesPresent whether the dump holds any instance of the profile's target classes;
 *                      when not, the verdict is "not applicable"
 * @param targets       snapshots found, reachable, sentinels excluded
 * @param sentinels     reachable list-head sentinels (the profile's sentinel epochs), counted apart
 * @param unreachable   target objects no GC root reaches (left out of everything else)
 * @param groups        chains by owner kind, worst outcome first, then largest retained
 * @param epochRetainedBasis "set" (exact retained size of each epoch's set) or "sum-of-chain-parts"
 *                      (each epoch's set split by chain, parts added; see EpochStatsBuilder)
 * @param chains        worst outcome first, then largest retained
 * @param discovered    classes that look like snapshot chains, found without the profile; filled
 *                      when the profile does not apply
 */
public record ChainReport(Profile profile, int maxSnapshots, boolean targetClassesPresent, long targets, long sentinels,
                          long unreachable, List<Group> groups, String epochRetainedBasis, List<Chain> chains,
                          Verdict verdict, List<ChainDiscovery.Candidate> discovered) {

    /** One class's share of what an epoch retains. */
    public record ClassShare(String className, long objects, long bytes) {
    }

    /**
     * @param topRetainedClasses null when the breakdown was skipped to bound the work (see the note)
     */
    public record EpochStats(long epoch, long count, long shallowBytes, long retainedBytes,
                             List<ClassShare> topRetainedClasses) {
    }

    /**
     * Chains whose owners are of one kind ({@code SnapshottableCoordinator.snapshotRegistry}, one per
     * partition): one epoch space per group, never mixed with another's.
     *
     * @param chains indices into {@link ChainReport#chains}, in that order
     * @param epochs per epoch of this group's snapshots, ascending
     */
    public record Group(String label, List<Integer> chains, long snapshots, long retainedBytes,
                        Verdicts.Outcome outcome, List<EpochStats> epochs) {
    }

    /**
     * Who holds a chain's container.
     *
     * @param label     {@code QuorumController.snapshotRegistry}: the owner's simple class name and
     *                  field, or, without an owner rule, the last step of the path to the container
     * @param className the owner's class, or null when labelled from the path
     * @param objectId  the owner object, or null
     * @param detail    what tells owners of one kind apart ({@code __consumer_offsets-7}), or null
     */
    public record Owner(String label, String className, Long objectId, String field, String detail) {
        /** The label with its detail: what a reader calls this chain. */
        public String name() {
            return detail == null ? label : label + " " + detail;
        }
    }

    /**
     * @param identity       names the chain the same way in every dump of the same process: the
     *                       owner's name, and where owners share a name, the field path from the GC
     *                       root; compare and trend match chains by it
     * @param owner          never null; its label says "no owner found" when none was
     * @param containerId    null when no container was found
     * @param watermark      the owner's trim watermark and the snapshots on either side, or null
     */
    public record Chain(String identity, Owner owner, Long containerId, String containerClass, long length,
                        long minEpoch, long maxEpoch, long retainedBytes, long oldestObjectId, String oldestClass,
                        String rootKind, RootPath pathToContainer, RootPath pathToOldest, List<Pin> pins,
                        Verdicts.Watermark watermark, Verdicts.Outcome outcome, List<Verdicts.Reason> reasons) {
    }

    /**
     * Why a chain cannot be trimmed.
     *
     * @param kind        "direct" (an outside object holds the oldest snapshot) or "bookkeeping"
     * @param explanation one readable sentence
     * @param holderId    the pinning object (the holder, or the live-epoch list)
     * @param field       the holder's field that references the pinned object, or null
     * @param liveEpochs  bookkeeping only: the list's contents summarised, else null
     * @param headEpoch   bookkeeping only: the list's first epoch, else null
     */
    public record Pin(String kind, String explanation, long holderId, String holderClass, String field,
                      Long pinnedId, RootPath pathToHolder, String liveEpochs, Long liveEpochsLength, Long headEpoch) {
    }

    /** The dump's outcome: the worst of its chains', or not applicable; reasons in chain order. */
    public record Verdict(Verdicts.Outcome outcome, List<Verdicts.Reason> reasons) {
    }
}
