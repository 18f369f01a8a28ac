package dev.heapchain.analysis;

import dev.heapchain.util.IntArray;
import dev.heapchain.util.LongArray;

/**
 * The dominator tree over a virtual root above all GC roots, and every object's retained size:
 * the bytes that become unreachable when it goes. Sizes are {@code long}: one array can exceed
 * 2 GB. Objects not reachable from any root have no dominator and are left out.
 */
public final class DominatorTree {
    /** Answered by {@link #immediateDominator} for objects dominated by the virtual root only. */
    public static final int VIRTUAL_ROOT = -1;
    /** Answered by {@link #immediateDominator} for unreachable objects. */
    public static final int UNREACHABLE = -2;

    private final IntArray pre;
    private final IntArray vertex;
    private final IntArray idom;
    private final LongArray retained;
    /** Used length of vertex/idom/retained: reachable objects + 1 (the arrays may be longer). */
    private final int count;

    DominatorTree(IntArray pre, IntArray vertex, IntArray idom, LongArray retained, int count) {
        this.pre = pre;
        this.vertex = vertex;
        this.idom = idom;
        this.retained = retained;
        this.count = count;
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
        return d == 0 ? VIRTUAL_ROOT : vertex.get(d);
    }

    /** Retained bytes, or -1 when unreachable. */
    public long retainedSize(int node) {
        int p = pre.get(node);
        return p < 0 ? -1 : retained.get(p);
    }

    /** Bytes reachable from the roots: the virtual root's retained size. */
    public long reachableBytes() {
        return retained.get(0);
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

    int nodeAt(int number) {
        return vertex.get(number);
    }

    /** Immediate dominator in preorder numbers; idom(n) < n for every n > 0. */
    int idomNumber(int number) {
        return idom.get(number);
    }

    long retainedAt(int number) {
        return retained.get(number);
    }

    int count() {
        return count;
    }
}
