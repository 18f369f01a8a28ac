package dev.heapchain.analysis;

import dev.heapchain.util.ByteArray;
import dev.heapchain.util.IndexArray;
import dev.heapchain.util.IntArray;
import dev.heapchain.util.LongArray;

/**
 * Immediate dominators by semi-NCA (Georgiadis, Tarjan, Werneck, "Finding dominators in
 * practice"), iterative throughout: heap graphs hold reference chains millions long, so neither
 * the DFS nor path compression may recurse. Works in DFS-preorder numbers, with number 0 the
 * virtual root above all GC roots. The label array holds semidominator numbers directly.
 *
 * <p>Memory: every array is off the Java heap and freed as soon as its phase ends. At the peak
 * (the semidominator loop) live are vertex, parent, ancestor and label (4 bytes per object each),
 * the predecessor offsets (4 or 8) and the predecessors (4 per reference); semidominators are
 * written into the offsets slot the loop has just finished with instead of an array of their own.
 */
final class Dominators {
    private Dominators() {
    }

    /** Computes the tree; nodes not reachable from any root get preorder -1. */
    static DominatorTree compute(Digraph g) {
        return compute(g, () -> { });
    }

    /**
     * @param afterPeak runs once the semidominator phase has released its arrays: callers start
     *                  work there that should run alongside the rest without adding to the peak.
     */
    static DominatorTree compute(Digraph g, Runnable afterPeak) {
        int n = g.nodeCount();
        IntArray pre = IntArray.uninitialized(n);
        pre.fill(-1);
        IntArray vertex = IntArray.uninitialized(n + 1L);
        IntArray parent = IntArray.uninitialized(n + 1L);
        int count = dfs(g, pre, vertex, parent);

        // Predecessors in number space. A GC root's only predecessor that matters is the virtual
        // root 0 (nothing is smaller), so its others are not stored: for the implicit
        // instance-to-class edges, most of whose targets are sticky-class roots, that drops one
        // entry per instance.
        ByteArray isRoot = ByteArray.zeroed(count);
        int[] roots = g.roots();
        for (int r : roots) {
            isRoot.set(pre.get(r), (byte) 1);
        }
        long bound = roots.length;
        for (int i = 1; i < count; i++) {
            int v = vertex.get(i);
            bound += g.edgeEnd(v) - g.edgeStart(v) + 1;
        }
        IndexArray predStart = IndexArray.zeroed(count + 1L, bound);
        for (int r : roots) {
            int t = pre.get(r) + 1;
            predStart.set(t, predStart.get(t) + 1);
        }
        for (int i = 1; i < count; i++) {
            int v = vertex.get(i);
            for (long e = g.edgeStart(v), end = g.edgeEnd(v); e < end; e++) {
                int t = pre.get(g.target(e));
                if (isRoot.get(t) == 0) {
                    predStart.set(t + 1, predStart.get(t + 1) + 1);
                }
            }
            int x = g.extraTarget(v);
            if (x >= 0) {
                int t = pre.get(x);
                if (isRoot.get(t) == 0) {
                    predStart.set(t + 1, predStart.get(t + 1) + 1);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            predStart.set(i + 1, predStart.get(i + 1) + predStart.get(i));
        }
        // Fill with predStart as the cursor, then shift it back: no second offsets array.
        IntArray preds = IntArray.uninitialized(predStart.get(count));
        for (int r : roots) {
            long at = predStart.get(pre.get(r));
            preds.set(at, 0);
            predStart.set(pre.get(r), at + 1);
        }
        for (int i = 1; i < count; i++) {
            int v = vertex.get(i);
            for (long e = g.edgeStart(v), end = g.edgeEnd(v); e < end; e++) {
                int t = pre.get(g.target(e));
                if (isRoot.get(t) == 0) {
                    long at = predStart.get(t);
                    preds.set(at, i);
                    predStart.set(t, at + 1);
                }
            }
            int x = g.extraTarget(v);
            if (x >= 0) {
                int t = pre.get(x);
                if (isRoot.get(t) == 0) {
                    long at = predStart.get(t);
                    preds.set(at, i);
                    predStart.set(t, at + 1);
                }
            }
        }
        for (int i = count; i >= 1; i--) {
            predStart.set(i, predStart.get(i - 1));
        }
        predStart.set(0, 0);
        isRoot.free();
        // pre is rebuilt from vertex at the end, so it need not live through the peak.
        pre.free();

        IntArray label = IntArray.uninitialized(count);
        IntArray ancestor = IntArray.uninitialized(count);
        ancestor.copy(parent, 0, 0, count);
        IntArray stack = IntArray.uninitialized(Math.max(1, count));
        for (int w = count - 1; w >= 1; w--) {
            // Nodes numbered <= w are not compressed yet: ancestor[w] is still w's DFS parent.
            int s = ancestor.get(w);
            for (long k = predStart.get(w), end = predStart.get(w + 1); k < end; k++) {
                int v = preds.get(k);
                int candidate = v <= w ? v : eval(v, w, ancestor, label, stack);
                if (candidate < s) {
                    s = candidate;
                }
            }
            // Slot w + 1 of the offsets is not read again: it keeps w's semidominator from here on.
            predStart.set(w + 1, s);
            label.set(w, s);
        }
        stack.free();
        preds.free();
        label.free();
        ancestor.free();

        IntArray idom = parent; // becomes the dominator, number by number, in increasing order
        idom.set(0, 0);
        for (int w = 1; w < count; w++) {
            int d = idom.get(w);
            int semi = (int) predStart.get(w + 1);
            while (d > semi) {
                d = idom.get(d);
            }
            idom.set(w, d);
        }
        predStart.free();
        afterPeak.run();

        LongArray retained = LongArray.zeroed(count);
        for (int w = count - 1; w >= 1; w--) {
            long r = retained.get(w) + g.size(vertex.get(w));
            retained.set(w, r);
            int d = idom.get(w);
            retained.set(d, retained.get(d) + r);
        }
        pre = IntArray.uninitialized(n);
        pre.fill(-1);
        for (int i = 1; i < count; i++) {
            pre.set(vertex.get(i), i);
        }
        return new DominatorTree(pre, vertex, idom, retained, count);
    }

    /** Minimum semidominator on the compressed path from v up to the first node numbered <= w. */
    private static int eval(int v, int w, IntArray ancestor, IntArray label, IntArray stack) {
        int top = 0;
        int x = v;
        int a;
        while ((a = ancestor.get(x)) > w) {
            stack.set(top++, x);
            x = a;
        }
        for (int j = top - 1; j >= 0; j--) {
            int y = stack.get(j);
            int ay = ancestor.get(y);
            int la = label.get(ay);
            if (la < label.get(y)) {
                label.set(y, la);
            }
            ancestor.set(y, ancestor.get(ay));
        }
        return label.get(v);
    }

    /** Iterative preorder DFS from the virtual root; answers the number of reached nodes + 1. */
    private static int dfs(Digraph g, IntArray pre, IntArray vertex, IntArray parent) {
        int n = g.nodeCount();
        // Untouched stack pages cost nothing: only as deep as the DFS goes becomes resident.
        IntArray nodeStack = IntArray.uninitialized(n + 1L);
        IntArray posStack = IntArray.uninitialized(n + 1L); // next edge, relative to the row start
        int count = 1; // number 0 is the virtual root
        vertex.set(0, -1);
        parent.set(0, 0);
        for (int r : g.roots()) {
            if (pre.get(r) >= 0) {
                continue;
            }
            pre.set(r, count);
            vertex.set(count, r);
            parent.set(count, 0);
            count++;
            int sp = 0;
            nodeStack.set(0, r);
            posStack.set(0, 0);
            while (sp >= 0) {
                int v = nodeStack.get(sp);
                int k = posStack.get(sp);
                long start = g.edgeStart(v);
                long end = g.edgeEnd(v);
                if (k > end - start) {
                    sp--;
                    continue;
                }
                posStack.set(sp, k + 1);
                // Position end stands for the extra successor, after the explicit edges.
                int t = start + k < end ? g.target(start + k) : g.extraTarget(v);
                if (t < 0) {
                    continue;
                }
                if (pre.get(t) < 0) {
                    pre.set(t, count);
                    vertex.set(count, t);
                    parent.set(count, pre.get(v));
                    count++;
                    sp++;
                    nodeStack.set(sp, t);
                    posStack.set(sp, 0);
                }
            }
        }
        nodeStack.free();
        posStack.free();
        return count;
    }
}
