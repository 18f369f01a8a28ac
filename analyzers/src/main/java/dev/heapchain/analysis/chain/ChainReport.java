package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.RootPath;

import java.util.List;

/**
 * The result of {@link ChainAnalysis}: immutable records; renderers only format them.
 *
 * @param targets       objects of the target classes found (sentinels excluded)
 * @param unreachable   target objects no GC root reaches (left out of everything else)
 * @param epochs        per epoch, ascending
 * @param epochRetainedBasis "set" (exact retained size of each epoch's set) or "sum-of-chain-parts"
 *                      (each epoch's set split by chain, parts added; see EpochStatsBuilder)
 * @param chains        largest retained first
 */
public record ChainReport(Profile profile, int maxLiveEpochs, long targets, long unreachable, List<EpochStats> epochs,
                          String epochRetainedBasis, List<Chain> chains, Verdict verdict) {

    /** One class's share of what an epoch retains. */
    public record ClassShare(String className, long objects, long bytes) {
    }

    /**
     * @param topRetainedClasses null when the breakdown was skipped to bound the work (see the note)
     */
    public record EpochStats(long epoch, long count, long shallowBytes, long retainedBytes,
                             List<ClassShare> topRetainedClasses) {
    }

    /** A range of epochs missing between a chain's oldest and newest. */
    public record Gap(long fromEpoch, long toEpoch) {
    }

    /**
     * @param containerId    null when no owner was found
     * @param missingEpochs  epochs between min and max that no snapshot carries
     * @param gaps           the first ranges of missing epochs
     */
    public record Chain(Long containerId, String containerClass, long length, long minEpoch, long maxEpoch,
                        long missingEpochs, List<Gap> gaps, long retainedBytes, long oldestObjectId,
                        String oldestClass, String rootKind, RootPath pathToContainer, RootPath pathToOldest,
                        List<Pin> pins) {
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

    public record Verdict(boolean leak, List<String> reasons) {
    }
}
