package dev.heapchain.analysis.chain;

import java.util.HashMap;
import java.util.Map;

/** Epoch of each target node; sentinels and unreadable epochs are kept apart from the count. */
final class Epochs {
    private final Map<Integer, Long> epochOf;
    private final Map<Integer, Boolean> sentinel;
    private long counted;
    private long sentinels;

    Epochs(int expected) {
        epochOf = new HashMap<>(expected * 2);
        sentinel = new HashMap<>();
    }

    void put(int node, Long epoch, boolean isSentinel) {
        if (epoch == null) {
            return;
        }
        epochOf.put(node, epoch);
        if (isSentinel) {
            sentinel.put(node, true);
            sentinels++;
        } else {
            counted++;
        }
    }

    /** Whether the node is a snapshot that counts: it has an epoch and is not a sentinel. */
    boolean counts(int node) {
        return epochOf.containsKey(node) && !sentinel.containsKey(node);
    }

    long epoch(int node) {
        return epochOf.get(node);
    }

    long counted() {
        return counted;
    }

    /** Sentinels found (list heads, not snapshots). */
    long sentinels() {
        return sentinels;
    }
}
