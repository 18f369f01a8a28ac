package dev.heapchain.graph;

import dev.heapchain.hprof.HprofRootKind;

import java.util.Arrays;

/**
 * The GC roots, resolved to node indices, sorted by (node, kind, thread, depth) and without
 * duplicates. Roots on objects the dump does not hold are dropped and counted by the builder.
 */
public final class HeapRoots {
    private static final HprofRootKind[] KINDS = HprofRootKind.values();

    private final int[] node;
    private final byte[] kind;
    private final int[] thread;
    private final int[] depth;
    private final int[] distinctNodes;

    HeapRoots(int[] node, byte[] kind, int[] thread, int[] depth) {
        this.node = node;
        this.kind = kind;
        this.thread = thread;
        this.depth = depth;
        int distinct = 0;
        for (int i = 0; i < node.length; i++) {
            if (i == 0 || node[i] != node[i - 1]) {
                distinct++;
            }
        }
        distinctNodes = new int[distinct];
        for (int i = 0, d = 0; i < node.length; i++) {
            if (i == 0 || node[i] != node[i - 1]) {
                distinctNodes[d++] = node[i];
            }
        }
    }

    public int size() {
        return node.length;
    }

    public int node(int i) {
        return node[i];
    }

    public HprofRootKind kind(int i) {
        return KINDS[kind[i]];
    }

    /** Thread serial, or -1 when the kind has none. */
    public int threadSerial(int i) {
        return thread[i];
    }

    /** Frame depth for frame roots, stack trace serial for thread objects, else -1. */
    public int frameDepth(int i) {
        return depth[i];
    }

    /** Each rooted node once, ascending. */
    public int[] distinctNodes() {
        return distinctNodes;
    }

    /** Root entries of a node: [from, to) into this table, empty when the node is not a root. */
    public int[] entriesOf(int n) {
        int lo = Arrays.binarySearch(node, n);
        if (lo < 0) {
            return new int[]{0, 0};
        }
        while (lo > 0 && node[lo - 1] == n) {
            lo--;
        }
        int hi = lo;
        while (hi < node.length && node[hi] == n) {
            hi++;
        }
        return new int[]{lo, hi};
    }
}
