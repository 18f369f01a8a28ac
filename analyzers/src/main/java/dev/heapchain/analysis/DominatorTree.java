package dev.heapchain.analysis;

import dev.heapchain.util.IntArray;
import dev.heapchain.util.LongArray;

/**
 * The dominator tree over a virtual root above all GC roots, and every object's retained size:
 * the bytes that become unreachable when it goes. Sizes are {@code long}: one array can exceed
 * 2 GB. Objects not reachable from any root have no dominator and are left out.
 *
 * <p>Kept off the heap, by DFS preorder number: each node's number, the immediate dominator's
 * number and the retained size, in 8-byte units as an unsigned int when the reachable heap is
 * under 32 GiB (sizes are multiples of 8), else in bytes as a long. 12 bytes per object in the
 * common case. The number-to-node map is built on first use only (tests, set retention).
 */
public final class DominatorTree {
    /** Answered by {@link #immediateDominator} for objects dominated by the virtual root only. */
    public static final int VIRTUAL_ROOT = -1;
    /** Answered by {@link #immediateDominator} for unreachable objects. */
    public static final int UNREACHABLE = -2;

    private final IntArray pre;
    private final IntArray idom;
    /** Retained size in 8-byte units (unsigned), or null when {@link #retainedBytes} is used. */
    private final IntArray retainedUnits;
    private final LongArray retainedBytes;
    /** Used length of idom/retained: reachable objects + 1. */
    private final int count;
    private volatile IntArray vertex;
    /** The tree's preorder, when it was started while the tree was finished (see Dominators); else built on first use. */
    private java.util.concurrent.CompletableFuture<TreeOrder> order;

    DominatorTree(IntArray pre, IntArray idom, IntArray retainedUnits, LongArray retainedBytes, int count) {
        this.pre = pre;
        this.idom = idom;
        this.retainedUnits = retainedUnits;
        this.retainedBytes = retainedBytes;
        this.count = count;
    }

    /** Hands over work started early: the number-to-node array and the tree order under way. */
    void early(IntArray vertex, java.util.concurrent.CompletableFuture<TreeOrder> order) {
        this.vertex = vertex;
        this.order = order;
    }

    /** The dominator tree's preorder (see {@link TreeOrder}). */
    synchronized TreeOrder order() {
        if (order == null) {
            order = java.util.concurrent.CompletableFuture.completedFuture(TreeOrder.of(idom, count, null));
        }
        return dev.heapchain.util.Tasks.join(order);
    }

    public boolean isReachable(int node) {
        return pre.get(node) >= 0;
    }

    /** The immediate dominator's node, {@link #VIRTUAL_ROOT} or {@link #UNREACHABLE}. */
    public int immediateDominator(int node) {
        int p = pre.get(node);
        if (p < 0) {
            return UNREACHABLE;
        }
        int d = idom.get(p);
        return d == 0 ? VIRTUAL_ROOT : nodeAt(d);
    }

    /** Retained bytes, or -1 when unreachable. */
    public long retainedSize(int node) {
        int p = pre.get(node);
        return p < 0 ? -1 : retainedAt(p);
    }

    /** Bytes reachable from the roots: the virtual root's retained size. */
    public long reachableBytes() {
        return retainedAt(0);
    }

    /** Number of objects reachable from the roots. */
    public int reachableCount() {
        return count - 1;
    }

    /** Whether {@code a} dominates {@code b} (every object dominates itself). */
    public boolean dominates(int a, int b) {
        int pa = pre.get(a);
        int pb = pre.get(b);
        if (pa < 0 || pb < 0) {
            return false;
        }
        // Dominators have smaller preorder numbers: walk up from b until at or above a.
        while (pb > pa) {
            pb = idom.get(pb);
        }
        return pb == pa;
    }

    int nodeCount() {
        return (int) pre.size();
    }

    /** Preorder number of a node (0 is the virtual root), or -1 when unreachable. */
    int number(int node) {
        return pre.get(node);
    }

    /** The node with a preorder number (1..count-1). */
    int nodeAt(int number) {
        IntArray v = vertex;
        if (v == null) {
            synchronized (this) {
                v = vertex;
                if (v == null) {
                    v = IntArray.zeroed(count);
                    v.set(0, -1);
                    for (int node = 0, n = nodeCount(); node < n; node++) {
                        int p = pre.get(node);
                        if (p > 0) {
                            v.set(p, node);
                        }
                    }
                    vertex = v;
                }
            }
        }
        return v.get(number);
    }

    /** Immediate dominator in preorder numbers; idom(n) < n for every n > 0. */
    int idomNumber(int number) {
        return idom.get(number);
    }

    long retainedAt(int number) {
        return retainedUnits != null ? (retainedUnits.get(number) & 0xFFFF_FFFFL) << 3 : retainedBytes.get(number);
    }

    int count() {
        return count;
    }
}
