package dev.heapchain.analysis;

import dev.heapchain.graph.HeapGraph;
import dev.heapchain.util.IndexArray;
import dev.heapchain.util.IntArray;
import dev.heapchain.util.Trace;

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

    private GcRootPaths(HeapGraph graph, IndexArray viaEdge) {
        this.graph = graph;
        this.viaEdge = viaEdge;
    }

    public static GcRootPaths compute(HeapGraph graph) {
        int n = graph.nodeCount();
        IndexArray via = IndexArray.zeroed(n, Math.max(graph.edgeCount(), n + 4L));
        via.fill(UNREACHED);
        // The queue holds the frontier only (reached, not yet expanded): a ring that grows when
        // the frontier does, far smaller than one entry per object on real heaps.
        IntArray ring = IntArray.uninitialized(1 << 16);
        long mask = ring.size() - 1;
        long head = 0;
        long tail = 0;
        for (int r : graph.roots().distinctNodes()) {
            via.set(r, ROOT);
            if (tail - head == ring.size()) {
                ring = grow(ring, head, tail);
                mask = ring.size() - 1;
            }
            ring.set(tail++ & mask, r);
        }
        while (head < tail) {
            int v = ring.get(head++ & mask);
            for (long e = graph.outStart(v), end = graph.outEnd(v); e <= end; e++) {
                int t;
                long how;
                if (e < end) {
                    t = graph.target(e);
                    how = e;
                } else {
                    t = graph.classEdge(v);
                    how = CLASS_EDGE_BASE - v;
                }
                if (t < 0 || via.get(t) != UNREACHED) {
                    continue;
                }
                via.set(t, how);
                if (tail - head == ring.size()) {
                    ring = grow(ring, head, tail);
                    mask = ring.size() - 1;
                }
                ring.set(tail++ & mask, t);
            }
        }
        ring.free();
        Trace.mark("bfs done");
        return new GcRootPaths(graph, via);
    }

    /** A ring twice the size with the entries head..tail-1 at the same positions modulo its size. */
    private static IntArray grow(IntArray ring, long head, long tail) {
        long size = ring.size();
        IntArray bigger = IntArray.uninitialized(size * 2);
        for (long i = head; i < tail; i++) {
            bigger.set(i & (size * 2 - 1), ring.get(i & (size - 1)));
        }
        ring.free();
        return bigger;
    }

    /**
     * Moves the search result to a temporary file until {@link #restore}: the search runs beside
     * the dominators and its result is not read until they are done, so it waits off their peak.
     */
    void spill(java.nio.file.Path folder) {
        viaEdge.spill(folder);
    }

    void restore() {
        viaEdge.mapSpilled();
    }

    public boolean isReachable(int node) {
        return viaEdge.get(node) != UNREACHED;
    }

    public boolean isRoot(int node) {
        return viaEdge.get(node) == ROOT;
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
        if (viaEdge.get(node) == UNREACHED) {
            return new int[0];
        }
        // One walk up (each step finds its source by a search over the row starts), then reversed.
        int[] up = new int[16];
        int d = 0;
        for (int v = node; ; v = parent(v)) {
            if (d == up.length) {
                up = java.util.Arrays.copyOf(up, d * 2);
            }
            up[d++] = v;
            if (viaEdge.get(v) == ROOT) {
                break;
            }
        }
        int[] out = new int[d];
        for (int i = 0; i < d; i++) {
            out[i] = up[d - 1 - i];
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
