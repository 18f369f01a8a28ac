package dev.heapchain.graph;

import dev.heapchain.hprof.HprofRootKind;
import dev.heapchain.util.IntList;
import dev.heapchain.util.LongList;
import dev.heapchain.util.PairSort;

import java.util.Arrays;

/**
 * The GC roots, resolved to node indices, sorted by (node, kind, thread, depth) and without
 * duplicates. Roots on objects the dump does not hold are dropped and counted.
 */
public final class HeapRoots {
    private static final HprofRootKind[] KINDS = HprofRootKind.values();

    private final int[] node;
    private final byte[] kind;
    private final int[] thread;
    private final int[] depth;
    private final int[] distinctNodes;
    private final long duplicates;
    private final long missing;

    /** Root records as the dump lists them: the object's id, the kind's ordinal, thread serial and depth. */
    record Raw(LongList ids, IntList kinds, IntList threads, IntList depths) {
    }

    private HeapRoots(int[] node, byte[] kind, int[] thread, int[] depth, long duplicates, long missing) {
        this.node = node;
        this.kind = kind;
        this.thread = thread;
        this.depth = depth;
        this.duplicates = duplicates;
        this.missing = missing;
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

    /** The root records resolved to nodes: those on missing objects dropped, repeats dropped. */
    static HeapRoots resolve(Raw raw, IdIndex index) {
        int records = (int) raw.ids().size();
        long[] keys = new long[records];
        int[] order = new int[records];
        int kept = 0;
        long missing = 0;
        for (int i = 0; i < records; i++) {
            int node = index.indexOf(raw.ids().get(i));
            if (node < 0) {
                missing++;
                continue;
            }
            // Sort key: node, then kind; ties keep file order (stable enough for dedup below).
            keys[kept] = ((long) node << 8) | raw.kinds().get(i);
            order[kept] = i;
            kept++;
        }
        keys = Arrays.copyOf(keys, kept);
        order = Arrays.copyOf(order, kept);
        PairSort.sort(keys, order);
        IntList nodes = new IntList();
        IntList kinds = new IntList();
        IntList threads = new IntList();
        IntList depths = new IntList();
        long duplicates = 0;
        for (int i = 0; i < kept; ) {
            int j = i;
            while (j < kept && keys[j] == keys[i]) {
                j++;
            }
            // One (node, kind) group: sort its (thread, depth) pairs so duplicates are adjacent.
            long[] pairs = new long[j - i];
            for (int k = i; k < j; k++) {
                pairs[k - i] = ((long) raw.threads().get(order[k]) << 32) | (raw.depths().get(order[k]) & 0xFFFFFFFFL);
            }
            Arrays.sort(pairs);
            int node = (int) (keys[i] >>> 8);
            int kind = (int) (keys[i] & 0xFF);
            for (int k = 0; k < pairs.length; k++) {
                if (k > 0 && pairs[k] == pairs[k - 1]) {
                    duplicates++;
                    continue;
                }
                nodes.add(node);
                kinds.add(kind);
                threads.add((int) (pairs[k] >>> 32));
                depths.add((int) pairs[k]);
            }
            i = j;
        }
        int m = (int) nodes.size();
        byte[] kindBytes = new byte[m];
        for (int i = 0; i < m; i++) {
            kindBytes[i] = (byte) kinds.get(i);
        }
        return new HeapRoots(nodes.toArray(), kindBytes, threads.toArray(), depths.toArray(), duplicates, missing);
    }

    /** Root records that repeated an earlier one. */
    long duplicateRecords() {
        return duplicates;
    }

    /** Root records naming objects the dump does not hold. */
    long missingObjects() {
        return missing;
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
