package dev.heapchain.analysis;

import dev.heapchain.graph.HeapGraph;

import java.util.Arrays;

/**
 * Retained sizes under NetBeans' reference rules, computed with heapchain's own dominator code, so a
 * comparison with NetBeans isolates the dominator algorithm from both size model and graph rules.
 * Read from lib.profiler's HprofHeap.computeReferences, NearestGCRoot and DominatorTree:
 * <ul>
 * <li>Its nearest-GC-root search skips Reference.referent, but the referrer lists its dominator
 *     iteration intersects do not: a weak referrer counts like a strong one. So the graph here is
 *     heapchain's keepWeak graph.</li>
 * <li>A referrer that search never reached has idom 0 there, so any object it points to is dominated
 *     by the top only: unreachable objects act as extra roots (of size 0).</li>
 * <li>A class's references are its static fields and class loader, not its superclass.</li>
 * <li>Class objects weigh 0 here; NetBeans gives some of them their own size (those its search
 *     saw as leaves) and ties each class to the first instance it met. Objects whose dominator
 *     subtree holds or references a class object are therefore marked and not compared.</li>
 * </ul>
 */
final class NetBeansRules {
    final long[] retained;
    final boolean[] touchesClass;

    /**
     * @param weak      graph of the dump built with keepWeak
     * @param reachable NetBeans' reachability per node (heapchain's without weak edges: the test
     *                  checks they agree)
     * @param size      NetBeans' shallow size per node
     */
    NetBeansRules(HeapGraph weak, boolean[] reachable, long[] size) {
        int n = weak.nodeCount();
        int[] start = new int[n + 1];
        int[] targets = new int[(int) weak.edgeCount()];
        int m = 0;
        for (int v = 0; v < n; v++) {
            start[v] = m;
            for (long e = weak.outStart(v); e < weak.outEnd(v); e++) {
                if (!(weak.isClassObject(v) && weak.label(e) == HeapGraph.LABEL_SUPERCLASS)) {
                    targets[m++] = weak.target(e);
                }
            }
        }
        start[n] = m;
        int[] roots = weak.roots().distinctNodes();
        int extra = 0;
        for (int v = 0; v < n; v++) {
            if (!reachable[v]) {
                extra++;
            }
        }
        int[] allRoots = Arrays.copyOf(roots, roots.length + extra);
        for (int v = 0, k = roots.length; v < n; v++) {
            if (!reachable[v]) {
                allRoots[k++] = v;
            }
        }
        Arrays.sort(allRoots);
        int[] rootList = Arrays.stream(allRoots).distinct().toArray();
        DominatorTree t = Dominators.compute(new Digraph() {
            public int nodeCount() {
                return n;
            }

            public int[] roots() {
                return rootList;
            }

            public long edgeStart(int v) {
                return start[v];
            }

            public long edgeEnd(int v) {
                return start[v + 1];
            }

            public int target(long e) {
                return targets[(int) e];
            }

            public long size(int v) {
                return reachable[v] && !weak.isClassObject(v) ? size[v] : 0;
            }
        });
        retained = new long[n];
        touchesClass = new boolean[n];
        for (int v = 0; v < n; v++) {
            retained[v] = t.retainedSize(v);
            touchesClass[v] = weak.isClassObject(v);
            for (long e = weak.outStart(v); e < weak.outEnd(v) && !touchesClass[v]; e++) {
                touchesClass[v] = weak.isClassObject(weak.target(e));
            }
        }
        // Children come after their dominator in preorder: walk backwards to push marks upwards.
        for (int k = t.count() - 1; k >= 1; k--) {
            int v = t.nodeAt(k);
            int d = t.immediateDominator(v);
            if (d >= 0 && touchesClass[v]) {
                touchesClass[d] = true;
            }
        }
    }
}
