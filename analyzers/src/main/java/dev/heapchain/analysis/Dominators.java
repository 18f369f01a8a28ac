package dev.heapchain.analysis;

/**
 * Immediate dominators by semi-NCA (Georgiadis, Tarjan, Werneck, "Finding dominators in
 * practice"), iterative throughout: heap graphs hold reference chains millions long, so neither
 * the DFS nor path compression may recurse. Works in DFS-preorder numbers, with number 0 the
 * virtual root above all GC roots. The label array holds semidominator numbers directly.
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
        int[] pre = new int[n];
        java.util.Arrays.fill(pre, -1);
        int[] vertex = new int[n + 1];
        int[] parent = new int[n + 1];
        int count = dfs(g, pre, vertex, parent);

        // Predecessors in number space. A GC root's only predecessor that matters is the virtual
        // root 0 (nothing is smaller), so its others are not stored: for the implicit
        // instance-to-class edges, most of whose targets are sticky-class roots, that drops one
        // entry per instance.
        boolean[] isRoot = new boolean[count];
        int[] roots = g.roots();
        for (int r : roots) {
            isRoot[pre[r]] = true;
        }
        int[] predStart = new int[count + 1];
        for (int r : roots) {
            predStart[pre[r] + 1]++;
        }
        for (int i = 1; i < count; i++) {
            int v = vertex[i];
            for (int e = g.edgeStart(v), end = g.edgeEnd(v); e < end; e++) {
                int t = pre[g.target(e)];
                if (!isRoot[t]) {
                    predStart[t + 1]++;
                }
            }
            int x = g.extraTarget(v);
            if (x >= 0 && !isRoot[pre[x]]) {
                predStart[pre[x] + 1]++;
            }
        }
        for (int i = 0; i < count; i++) {
            predStart[i + 1] += predStart[i];
        }
        // Fill with predStart as the cursor, then shift it back: no second offsets array.
        int[] preds = new int[predStart[count]];
        for (int r : roots) {
            preds[predStart[pre[r]]++] = 0;
        }
        for (int i = 1; i < count; i++) {
            int v = vertex[i];
            for (int e = g.edgeStart(v), end = g.edgeEnd(v); e < end; e++) {
                int t = pre[g.target(e)];
                if (!isRoot[t]) {
                    preds[predStart[t]++] = i;
                }
            }
            int x = g.extraTarget(v);
            if (x >= 0 && !isRoot[pre[x]]) {
                preds[predStart[pre[x]]++] = i;
            }
        }
        System.arraycopy(predStart, 0, predStart, 1, count);
        predStart[0] = 0;
        isRoot = null;
        // pre is rebuilt from vertex at the end, so it need not live through the peak.
        pre = null;

        int[] semi = new int[count];
        int[] label = new int[count];
        int[] ancestor = java.util.Arrays.copyOf(parent, count);
        int[][] stack = {new int[1024]}; // compression paths are short in practice; grows if not
        for (int w = count - 1; w >= 1; w--) {
            int s = parent[w];
            for (int k = predStart[w], end = predStart[w + 1]; k < end; k++) {
                int v = preds[k];
                int candidate = v <= w ? v : eval(v, w, ancestor, label, stack);
                if (candidate < s) {
                    s = candidate;
                }
            }
            semi[w] = s;
            label[w] = s;
        }
        preds = null;
        predStart = null;
        label = null;
        ancestor = null;


        int[] idom = parent; // becomes the dominator, number by number, in increasing order
        idom[0] = 0;
        for (int w = 1; w < count; w++) {
            int d = idom[w];
            while (d > semi[w]) {
                d = idom[d];
            }
            idom[w] = d;
        }
        semi = null;
        afterPeak.run();

        long[] retained = new long[count];
        for (int w = count - 1; w >= 1; w--) {
            retained[w] += g.size(vertex[w]);
            retained[idom[w]] += retained[w];
        }
        pre = new int[n];
        java.util.Arrays.fill(pre, -1);
        for (int i = 1; i < count; i++) {
            pre[vertex[i]] = i;
        }
        return new DominatorTree(pre, vertex, idom, retained, count);
    }

    /** Minimum semidominator on the compressed path from v up to the first node numbered <= w. */
    private static int eval(int v, int w, int[] ancestor, int[] label, int[][] stackHolder) {
        int[] stack = stackHolder[0];
        int top = 0;
        int x = v;
        while (ancestor[x] > w) {
            if (top == stack.length) {
                stack = stackHolder[0] = java.util.Arrays.copyOf(stack, top * 2);
            }
            stack[top++] = x;
            x = ancestor[x];
        }
        for (int j = top - 1; j >= 0; j--) {
            int y = stack[j];
            int a = ancestor[y];
            if (label[a] < label[y]) {
                label[y] = label[a];
            }
            ancestor[y] = ancestor[a];
        }
        return label[v];
    }

    /** Iterative preorder DFS from the virtual root; answers the number of reached nodes + 1. */
    private static int dfs(Digraph g, int[] pre, int[] vertex, int[] parent) {
        int n = g.nodeCount();
        int[] nodeStack = new int[n + 1];
        int[] edgeStack = new int[n + 1];
        int count = 1; // number 0 is the virtual root
        vertex[0] = -1;
        parent[0] = 0;
        for (int r : g.roots()) {
            if (pre[r] >= 0) {
                continue;
            }
            pre[r] = count;
            vertex[count] = r;
            parent[count] = 0;
            count++;
            int sp = 0;
            nodeStack[0] = r;
            edgeStack[0] = g.edgeStart(r);
            while (sp >= 0) {
                int v = nodeStack[sp];
                int e = edgeStack[sp];
                int end = g.edgeEnd(v);
                if (e > end) {
                    sp--;
                    continue;
                }
                edgeStack[sp] = e + 1;
                // Position end stands for the extra successor, after the explicit edges.
                int t = e < end ? g.target(e) : g.extraTarget(v);
                if (t < 0) {
                    continue;
                }
                if (pre[t] < 0) {
                    pre[t] = count;
                    vertex[count] = t;
                    parent[count] = pre[v];
                    count++;
                    sp++;
                    nodeStack[sp] = t;
                    edgeStack[sp] = g.edgeStart(t);
                }
            }
        }
        return count;
    }
}
