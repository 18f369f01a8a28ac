package dev.heapchain.analysis;

import dev.heapchain.graph.HeapGraph;
import dev.heapchain.util.IndexArray;
import dev.heapchain.util.IntArray;

/**
 * Shortest paths from the GC roots: one breadth-first search from all roots at once, in ascending
 * node order, so repeated runs give identical paths. Each reached object remembers the edge it was
 * first reached through (4 bytes per object, 8 when the graph has 2^31 references or more); the
 * parent and the field name follow from the edge.
 */
public final class GcRootPaths {
    private static final int ROOT = -2;
    private static final int UNREACHED = -1;
    /** Reached through the implicit class edge of node v: stored as CLASS_EDGE_BASE - v. */
    private static final int CLASS_EDGE_BASE = -3;
    /** What {@link #edgeTo} answers for the implicit instance-to-class edge. */
    public static final int CLASS_EDGE = -3;

    private final HeapGraph graph;
    private final IndexArray viaEdge;
    private final int reached;

    private GcRootPaths(HeapGraph graph, IndexArray viaEdge, int reached) {
        this.graph = graph;
        this.viaEdge = viaEdge;
        this.reached = reached;
    }

    public static GcRootPaths compute(HeapGraph graph) {
        int n = graph.nodeCount();
        IndexArray via = IndexArray.zeroed(n, Math.max(graph.edgeCount(), n + 4L));
        via.fill(UNREACHED);
        IntArray queue = IntArray.uninitialized(Math.max(1, n));
        int head = 0;
        int tail = 0;
        for (int r : graph.roots().distinctNodes()) {
            via.set(r, ROOT);
            queue.set(tail++, r);
        }
        while (head < tail) {
            int v = queue.get(head++);
            for (long e = graph.outStart(v), end = graph.outEnd(v); e < end; e++) {
                int t = graph.target(e);
                if (via.get(t) == UNREACHED) {
                    via.set(t, e);
                    queue.set(tail++, t);
                }
            }
            int c = graph.classEdge(v);
            if (c >= 0 && via.get(c) == UNREACHED) {
                via.set(c, CLASS_EDGE_BASE - v);
                queue.set(tail++, c);
            }
        }
        queue.free();
        return new GcRootPaths(graph, via, tail);
    }

    public boolean isReachable(int node) {
        return viaEdge.get(node) != UNREACHED;
    }

    public boolean isRoot(int node) {
        return viaEdge.get(node) == ROOT;
    }

    public int reachedCount() {
        return reached;
    }

    /**
     * The edge an object was reached through: an edge index, {@link #CLASS_EDGE} for the implicit
     * instance-to-class reference, or -1 for roots and unreachable objects.
     */
    public long edgeTo(int node) {
        long e = viaEdge.get(node);
        return e >= 0 ? e : e <= CLASS_EDGE_BASE ? CLASS_EDGE : -1;
    }

    /** The object it was reached from, or -1 for roots and unreachable objects. */
    public int parent(int node) {
        long e = viaEdge.get(node);
        return e >= 0 ? sourceOf(e) : e <= CLASS_EDGE_BASE ? (int) (CLASS_EDGE_BASE - e) : -1;
    }

    /** Number of references from the nearest root (0 for a root), or -1 when unreachable. */
    public int depth(int node) {
        if (viaEdge.get(node) == UNREACHED) {
            return -1;
        }
        int d = 0;
        for (int v = node; viaEdge.get(v) != ROOT; v = parent(v)) {
            d++;
        }
        return d;
    }

    /** Nodes from the root to {@code node}, root first; empty when unreachable. */
    public int[] nodesTo(int node) {
        int d = depth(node);
        if (d < 0) {
            return new int[0];
        }
        int[] out = new int[d + 1];
        for (int v = node, i = d; i >= 0; v = parent(v), i--) {
            out[i] = v;
        }
        return out;
    }

    /** The node whose row holds edge e: the last node whose first edge is at or before e. */
    private int sourceOf(long e) {
        int lo = 0;
        int hi = graph.nodeCount() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (graph.outStart(mid) <= e) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        // Nodes without edges share their successor's start: step back to the row that holds e.
        while (graph.outEnd(lo) <= e) {
            lo++;
        }
        return lo;
    }
}
