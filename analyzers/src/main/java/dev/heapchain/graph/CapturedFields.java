package dev.heapchain.graph;

import dev.heapchain.util.IntList;

import java.util.Arrays;

/**
 * Field bytes of the instances of a few chosen classes, copied while the graph is built, so that
 * reports that need their values (epochs, live-epoch lists) do not read the dump once more.
 */
public final class CapturedFields {
    static final CapturedFields NONE = new CapturedFields(new int[0], new int[1], new byte[0]);

    private final int[] nodes;
    private final int[] start;
    private final byte[] arena;

    private CapturedFields(int[] nodes, int[] start, byte[] arena) {
        this.nodes = nodes;
        this.start = start;
        this.arena = arena;
    }

    /** The captured field bytes of a node, or null when it was not captured. */
    public byte[] fields(int node) {
        int i = Arrays.binarySearch(nodes, node);
        return i < 0 ? null : Arrays.copyOfRange(arena, start[i], start[i + 1]);
    }

    /** Collects captures in stream order; {@link #build} sorts them by node. */
    static final class Builder {
        private final IntList nodes = new IntList();
        private final IntList offsets = new IntList();
        private byte[] arena = new byte[4096];
        private int used;

        void add(int node, byte[] buffer, int offset, int length) {
            if (used + length > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + length));
            }
            System.arraycopy(buffer, offset, arena, used, length);
            nodes.add(node);
            offsets.add(used);
            used += length;
        }

        CapturedFields build() {
            int n = (int) nodes.size();
            if (n == 0) {
                return NONE;
            }
            long[] keys = new long[n];
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = nodes.get(i);
                order[i] = i;
            }
            dev.heapchain.util.RunMergeSort.sort(keys, order); // usually in order already
            int[] sortedNodes = new int[n];
            int[] sortedStart = new int[n + 1];
            byte[] packed = new byte[used];
            int at = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                int from = offsets.get(i);
                int to = i + 1 < n ? offsets.get(i + 1) : used;
                sortedNodes[k] = nodes.get(i);
                sortedStart[k] = at;
                System.arraycopy(arena, from, packed, at, to - from);
                at += to - from;
            }
            sortedStart[n] = at;
            return new CapturedFields(sortedNodes, sortedStart, packed);
        }
    }
}
