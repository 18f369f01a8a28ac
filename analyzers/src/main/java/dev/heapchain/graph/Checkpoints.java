package dev.heapchain.graph;

import dev.heapchain.util.LongList;

/**
 * Where to start reading to find an object again: for every 4,096th object of the graph's
 * address-ordered part (and the first object of each heap record), its node, the file offset of
 * its record and the end of the heap record holding it. Reading one object then parses at most a
 * few thousand records instead of the whole dump. Only graphs built in one pass have them: their
 * nodes are in the dump's own order.
 */
public final class Checkpoints {
    private final long[] nodes;
    private final long[] offsets;
    private final long[] ends;
    private final int objects;

    Checkpoints(LongList nodes, LongList offsets, LongList ends, int objects) {
        this.nodes = nodes.toArray();
        this.offsets = offsets.toArray();
        this.ends = ends.toArray();
        this.objects = objects;
    }

    /** The checkpoint that covers a node (the last at or before it), or -1 when none does. */
    public int blockOf(int node) {
        if (node < 0 || node >= objects || nodes.length == 0 || node < nodes[0]) {
            return -1;
        }
        int lo = 0;
        int hi = nodes.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (nodes[mid] <= node) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    public long offset(int block) {
        return offsets[block];
    }

    public long end(int block) {
        return ends[block];
    }

    public int count() {
        return nodes.length;
    }
}
