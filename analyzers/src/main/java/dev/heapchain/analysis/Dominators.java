package dev.heapchain.analysis;

import dev.heapchain.util.IndexArray;
import dev.heapchain.util.IntArray;
import dev.heapchain.util.LongArray;
import dev.heapchain.util.Trace;

/**
 * Immediate dominators by semi-NCA (Georgiadis, Tarjan, Werneck, "Finding dominators in
 * practice"), iterative throughout: heap graphs hold reference chains millions long, so neither
 * the DFS nor path compression may recurse. Works in DFS-preorder numbers, with number 0 the
 * virtual root above all GC roots. The label array holds semidominator numbers directly.
 *
 * <p>Memory: every array is off the Java heap and freed as soon as its phase ends; pre waits in a
 * temporary file while unused. While the predecessor lists are built, pre and parent (4 bytes per
 * object each), the predecessor offsets (4, or 8 past 2^31 references) and the predecessors (4
 * per reference) are live; in the semidominator loop, ancestor and label instead of pre and
 * parent. Neither the DFS parents nor the semidominators take an array of their own: the parent
 * array becomes the ancestors, and both are kept in each node's predecessor list (see below). No
 * number-to-node array is kept at all: retained sizes are summed from pre.
 */
final class Dominators {
    private Dominators() {
    }

    /** Computes the tree; nodes not reachable from any root get preorder -1. */
    static DominatorTree compute(Digraph g) {
        return compute(g, false, dev.heapchain.util.ScratchFile.defaultFolder(), null);
    }

    /**
     * @param withOrder   build the tree's preorder too (for set queries), on another thread while
     *                    the retained sizes are summed, and the number-to-node array with them
     * @param spillFolder where the preorder waits while it is not needed (see IntArray#spillInto)
     * @param meter where the computation reports how far it is, or null: one phase, a third done
     *              after the DFS and two after the predecessor lists (a check inside the DFS or the
     *              semidominator loop, even once per 2^16 nodes, cost those loops 20-40% on the
     *              benchmark dump)
     */
    static DominatorTree compute(Digraph g, boolean withOrder, java.nio.file.Path spillFolder,
                                 dev.heapchain.util.ProgressMeter meter) {
        int n = g.nodeCount();
        if (meter != null) {
            meter.phase("computing dominators", 3L * n);
        }
        // Retained sizes fit unsigned 32-bit counts of 8-byte units when all sizes are multiples
        // of 8 and the whole heap is under 32 GiB.
        long totalUnits = g.totalSizeUnits();
        boolean narrowRetained = totalUnits >= 0 && totalUnits <= 0xFFFF_FFFFL;
        IntArray pre = IntArray.uninitialized(n);
        pre.fill(-1);
        IntArray parent = IntArray.uninitialized(n + 1L);
        int count = dfs(g, pre, parent);
        Trace.mark("dom: dfs");
        if (meter != null) {
            meter.at(n);
        }

        // Predecessors in number space. A GC root's only predecessor that matters is the virtual
        // root 0 (nothing is smaller), so its others are not stored: for the implicit
        // instance-to-class edges, most of whose targets are sticky-class roots, that drops one
        // entry per instance. Roots are marked with the sign bit of their number in pre (every
        // edge target is reachable, so no other entry read here is negative).
        int[] roots = g.roots();
        for (int r : roots) {
            pre.set(r, pre.get(r) | ROOT_BIT);
        }
        long bound = roots.length;
        for (int v = 0; v < n; v++) {
            if (pre.get(v) != -1) {
                bound += g.edgeEnd(v) - g.edgeStart(v) + 1;
            }
        }
        IndexArray predStart = bound <= IndexArray.NARROW_MAX ? null : IndexArray.zeroed(count + 1L, bound);
        IntArray narrowStart = predStart == null ? IntArray.zeroed(count + 1L) : null;
        IntArray preds;
        if (narrowStart != null) {
            preds = narrowPredecessors(g, pre, count, roots, narrowStart);
            predStart = IndexArray.wrap(narrowStart);
        } else {
            preds = widePredecessors(g, pre, count, roots, predStart);
        }
        // pre is next needed at the end, without the root marks: it waits in a temporary file
        // meanwhile (to come back as a read-only mapping), and its memory becomes the label array
        // (memory in use again costs no page faults; fresh memory does).
        for (int r : roots) {
            pre.set(r, pre.get(r) & ~ROOT_BIT);
        }
        IntArray label = pre.spillInto(count, spillFolder);
        boolean preSpilled = label != null;
        if (!preSpilled) {
            label = IntArray.uninitialized(count);
        }
        Trace.mark("dom: preds built, pre spilled");
        if (meter != null) {
            meter.at(2L * n);
        }

        // Each node's DFS parent is its largest predecessor below it (a predecessor numbered
        // between them would have discovered it first). Move it to the end of the node's list:
        // then the parent array can serve as the path-compression ancestors, and the parent is
        // still found after the loop.
        for (int w = 1; w < count; w++) {
            long from = predStart.get(w);
            long last = predStart.get(w + 1L) - 1;
            long best = last;
            for (long k = from; k < last; k++) {
                int v = preds.get(k);
                if (v < w && (preds.get(best) >= w || v > preds.get(best))) {
                    best = k;
                }
            }
            int p = preds.get(best);
            preds.set(best, preds.get(last));
            preds.set(last, p);
        }
        IntArray ancestor = parent;
        IntArray stack = IntArray.uninitialized(Math.min(Math.max(1, count), 1 << 16)); // grows in eval
        for (int w = count - 1; w >= 1; w--) {
            // Nodes numbered <= w are not compressed yet: ancestor[w] is still w's DFS parent.
            int s = ancestor.get(w);
            long first = predStart.get(w);
            for (long k = first, end = predStart.get(w + 1L); k < end; k++) {
                int v = preds.get(k);
                int candidate = v <= w ? v : eval(v, w, ancestor, label, stack);
                if (candidate < s) {
                    s = candidate;
                }
            }
            // w's list is not read again: its first slot keeps w's semidominator from here on.
            // (With one predecessor, that is the parent, and so is the semidominator.)
            preds.set(first, s);
            label.set(w, s);
        }
        stack.free();
        Trace.mark("dom: semi loop");

        IntArray idom = label; // becomes the dominator, number by number, in increasing order
        idom.set(0, 0);
        for (int w = 1; w < count; w++) {
            int semi = preds.get(predStart.get(w));
            int d = preds.get(predStart.get(w + 1L) - 1); // the DFS parent
            while (d > semi) {
                d = idom.get(d);
            }
            idom.set(w, d);
        }
        Trace.mark("dom: idom");

        // Retained sizes: each object's own size at its number, then every number's total added to
        // its dominator's, bottom-up (dominators have smaller numbers). pre comes back first; the
        // number-to-node array is made only for set queries, which need it anyway.
        // The tree's order, when wanted, takes the predecessor lists' memory.
        IntArray orderMemory = withOrder ? IntArray.reuse(preds, 0, false) : null;
        java.util.concurrent.CompletableFuture<TreeOrder> order = withOrder
                ? dev.heapchain.util.Tasks.start(() -> TreeOrder.of(idom, count, orderMemory)) : null;
        try {
            return retained(g, pre, preSpilled, idom, count, narrowRetained, order,
                    new Spare(ancestor, preds, narrowStart, predStart));
        } catch (RuntimeException | Error e) {
            if (order != null) {
                order.exceptionally(x -> null).join(); // it reads idom: let it finish first
            }
            throw e;
        }
    }

    /**
     * Arrays whose work is done when the retained sizes are summed; their memory is used again
     * (ancestors, at least count entries, for the sizes; the narrow offsets, count + 1, or null
     * past 2^31 references, for the number-to-node array). Whatever is not used again is freed.
     */
    private record Spare(IntArray ancestor, IntArray preds, IntArray narrowStart, IndexArray predStart) {
        void free() {
            ancestor.free();
            preds.free();
            predStart.free(); // frees narrowStart too
        }
    }

    /** Retained sizes, and the tree (see compute). */
    private static DominatorTree retained(Digraph g, IntArray pre, boolean preSpilled, IntArray idom,
                                          int count, boolean narrowRetained,
                                          java.util.concurrent.CompletableFuture<TreeOrder> order, Spare spare) {
        int n = g.nodeCount();
        if (preSpilled) {
            pre.mapSpilled(); // read-only from here on: nothing writes pre again
        }
        IntArray units = narrowRetained ? IntArray.reuse(spare.ancestor(), count, true) : null;
        LongArray bytes = narrowRetained ? null : LongArray.zeroed(count);
        IntArray vertex = order == null ? null : spare.narrowStart() != null
                ? IntArray.reuse(spare.narrowStart(), count, false) : IntArray.uninitialized(count);
        spare.free();
        if (vertex != null) {
            vertex.set(0, -1);
        }
        for (int v = 0; v < n; v++) {
            int w = pre.get(v);
            if (w > 0) {
                long size = g.size(v);
                if (units != null) {
                    units.set(w, (int) (size >>> 3));
                } else {
                    bytes.set(w, size);
                }
                if (vertex != null) {
                    vertex.set(w, v);
                }
            }
        }
        for (int w = count - 1; w >= 1; w--) {
            int d = idom.get(w);
            if (units != null) {
                units.set(d, (int) ((units.get(d) & 0xFFFF_FFFFL) + (units.get(w) & 0xFFFF_FFFFL)));
            } else {
                bytes.set(d, bytes.get(d) + bytes.get(w));
            }
        }
        Trace.mark("dom: retained");
        DominatorTree tree = new DominatorTree(pre, idom, units, bytes, count);
        if (order != null) {
            tree.early(vertex, order);
        }
        return tree;
    }

    private static final int ROOT_BIT = 0x80000000;

    /**
     * Predecessor lists with 32-bit offsets (fewer than 2^31 references): the common case, kept
     * lean. Sources are visited in node order, so the graph's arrays are read front to back.
     * (Written once over IndexArray for both widths, the lists took 0.05 s longer on the 1 GB
     * benchmark dump: hence the near-copy below for the wide case.)
     */
    private static IntArray narrowPredecessors(Digraph g, IntArray pre, int count, int[] roots,
                                               IntArray start) {
        for (int r : roots) {
            start.set((pre.get(r) & ~ROOT_BIT) + 1, 1);
        }
        for (int v = 0, n = g.nodeCount(); v < n; v++) {
            if (pre.get(v) == -1) {
                continue;
            }
            for (long e = g.edgeStart(v), end = g.edgeEnd(v); e < end; e++) {
                int t = pre.get(g.target(e));
                if (t >= 0) {
                    start.set(t + 1, start.get(t + 1) + 1);
                }
            }
            int x = g.extraTarget(v);
            if (x >= 0) {
                int t = pre.get(x);
                if (t >= 0) {
                    start.set(t + 1, start.get(t + 1) + 1);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            start.set(i + 1, start.get(i + 1) + start.get(i));
        }
        // Fill with start as the cursor, then shift it back: no second offsets array.
        IntArray preds = IntArray.uninitialized(start.get(count));
        for (int r : roots) {
            int t = pre.get(r) & ~ROOT_BIT;
            int at = start.get(t);
            preds.set(at, 0);
            start.set(t, at + 1);
        }
        for (int v = 0, n = g.nodeCount(); v < n; v++) {
            int i = pre.get(v);
            if (i == -1) {
                continue;
            }
            i &= ~ROOT_BIT;
            for (long e = g.edgeStart(v), end = g.edgeEnd(v); e < end; e++) {
                int t = pre.get(g.target(e));
                if (t >= 0) {
                    int at = start.get(t);
                    preds.set(at, i);
                    start.set(t, at + 1);
                }
            }
            int x = g.extraTarget(v);
            if (x >= 0) {
                int t = pre.get(x);
                if (t >= 0) {
                    int at = start.get(t);
                    preds.set(at, i);
                    start.set(t, at + 1);
                }
            }
        }
        for (int i = count; i >= 1; i--) {
            start.set(i, start.get(i - 1));
        }
        start.set(0, 0);
        return preds;
    }

    /** The same with 64-bit offsets, for graphs with 2^31 references or more. */
    private static IntArray widePredecessors(Digraph g, IntArray pre, int count, int[] roots,
                                             IndexArray start) {
        for (int r : roots) {
            start.set((pre.get(r) & ~ROOT_BIT) + 1L, 1);
        }
        for (int v = 0, n = g.nodeCount(); v < n; v++) {
            if (pre.get(v) == -1) {
                continue;
            }
            for (long e = g.edgeStart(v), end = g.edgeEnd(v); e <= end; e++) {
                int x = e < end ? g.target(e) : g.extraTarget(v);
                int t = x < 0 ? -1 : pre.get(x);
                if (t >= 0) {
                    start.set(t + 1L, start.get(t + 1L) + 1);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            start.set(i + 1L, start.get(i + 1L) + start.get(i));
        }
        IntArray preds = IntArray.uninitialized(start.get(count));
        for (int r : roots) {
            int t = pre.get(r) & ~ROOT_BIT;
            long at = start.get(t);
            preds.set(at, 0);
            start.set(t, at + 1);
        }
        for (int v = 0, n = g.nodeCount(); v < n; v++) {
            int i = pre.get(v);
            if (i == -1) {
                continue;
            }
            i &= ~ROOT_BIT;
            for (long e = g.edgeStart(v), end = g.edgeEnd(v); e <= end; e++) {
                int x = e < end ? g.target(e) : g.extraTarget(v);
                int t = x < 0 ? -1 : pre.get(x);
                if (t >= 0) {
                    long at = start.get(t);
                    preds.set(at, i);
                    start.set(t, at + 1);
                }
            }
        }
        for (int i = count; i >= 1; i--) {
            start.set(i, start.get(i - 1L));
        }
        start.set(0, 0);
        return preds;
    }

    /** Minimum semidominator on the compressed path from v up to the first node numbered <= w. */
    private static int eval(int v, int w, IntArray ancestor, IntArray label, IntArray stack) {
        int top = 0;
        int x = v;
        int a;
        long room = stack.size(); // a local: the loop's writes would make the JIT reread a field
        while ((a = ancestor.get(x)) > w) {
            if (top == room) {
                room = Math.max(16, 2L * top);
                stack.resize(room, false);
            }
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
    private static int dfs(Digraph g, IntArray pre, IntArray parent) {
        int n = g.nodeCount();
        // The stacks grow as deep as the DFS goes (on a heap of long lists, millions; usually far
        // less): sized for the worst case, n each, they would hold budget most runs never touch.
        long depth = Math.min(n + 1L, 1 << 16);
        IntArray nodeStack = IntArray.uninitialized(depth);
        IntArray posStack = IntArray.uninitialized(depth); // next edge, relative to the row start
        int count = 1; // number 0 is the virtual root
        parent.set(0, 0);
        for (int r : g.roots()) {
            if (pre.get(r) >= 0) {
                continue;
            }
            pre.set(r, count);
            parent.set(count, 0);
            count++;
            int sp = 0;
            nodeStack.set(0, r);
            posStack.set(0, 0);
            while (sp >= 0) {
                int v = nodeStack.get(sp);
                long start = g.edgeStart(v);
                long end = g.edgeEnd(v);
                long e = start + posStack.get(sp);
                // On to the first successor not numbered yet; position end stands for the extra
                // successor, after the explicit edges.
                int t = -1;
                while (e <= end) {
                    int x = e < end ? g.target(e) : g.extraTarget(v);
                    e++;
                    if (x >= 0 && pre.get(x) < 0) {
                        t = x;
                        break;
                    }
                }
                if (t < 0) {
                    sp--;
                    continue;
                }
                posStack.set(sp, (int) (e - start));
                pre.set(t, count);
                parent.set(count, pre.get(v));
                count++;
                sp++;
                if (sp == depth) {
                    depth = Math.min(n + 1L, depth * 2);
                    nodeStack.resize(depth, false);
                    posStack.resize(depth, false);
                }
                nodeStack.set(sp, t);
                posStack.set(sp, 0);
            }
        }
        nodeStack.free();
        posStack.free();
        return count;
    }
}
