package dev.heapchain.graph;

/**
 * What the builder dropped or decided, for the report's summary.
 *
 * @param danglingReferences references to ids the dump does not hold (filtered or CDS-archived objects)
 * @param weakEdgesSkipped   Reference.referent edges left out (0 with --keep-weak)
 * @param duplicateRoots     root records that repeated an earlier one
 * @param missingRootObjects root records naming objects the dump does not hold
 * @param duplicateObjects   object records whose id appeared before; the first one counts
 * @param keepWeak           whether referent edges were kept
 */
public record GraphStats(long danglingReferences, long weakEdgesSkipped, long duplicateRoots, long missingRootObjects,
                         long duplicateObjects, boolean keepWeak) {
}
