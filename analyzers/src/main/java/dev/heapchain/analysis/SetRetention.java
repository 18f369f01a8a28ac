package dev.heapchain.analysis;

import dev.heapchain.graph.HeapGraph;

/**
 * Retained size of a set: the bytes that become unreachable when all its members go, including
 * objects no single member dominates. Everything the set retains is dominated by D, the members'
 * nearest common dominator, so the search stays inside D's dominator subtree: walk from D avoiding
 * the members, and what the walk cannot reach is retained. When D is itself a member the answer
 * is D's retained size, which covers the common case of one object per group at no cost.
 */
final class SetRetention {
    private final HeapGraph graph;
    private final DominatorTree tree;
    /** Dominator-tree entry/exit positions by DFS number, and numbers by position (see TreeOrder). */
    private final TreeOrder order;
    /** Walk marks by node (members +epoch, reached -epoch); allocated on the first walk only. */
    private int[] mark;
    private int epoch;

    SetRetention(HeapGraph graph, DominatorTree tree) {
        this.graph = graph;
        this.tree = tree;
        this.order = tree.order();
    }

    /** Position of a reachable node in dominator-tree preorder, or -1. */
    int order(int node) {
        int n = tree.number(node);
        return n < 0 ? -1 : order.enter(n);
    }

    /** How many nodes a reachable node dominates, itself included (0 when unreachable). */
    int dominatedCount(int node) {
        int n = tree.number(node);
        return n < 0 ? 0 : order.exit(n) - order.enter(n) + 1;
    }

    /**
     * Objects the exact search for this set would visit at most: the size of the members' common
     * dominator's subtree, or 0 when that dominator is itself a member (no search needed).
     */
    long searchCost(int[] nodes) {
        int d = -1;
        java.util.Set<Integer> members = new java.util.HashSet<>();
        for (int v : nodes) {
            int n = tree.number(v);
            if (n >= 0) {
                members.add(v);
                d = d < 0 ? n : lca(d, n);
            }
        }
        if (d < 0 || d > 0 && members.contains(tree.nodeAt(d))) {
            return 0;
        }
        return order.exit(d) - order.enter(d) + 1L;
    }

    /** Objects in the dominator tree, the virtual root included (position 0). */
    int treeSize() {
        return order.size();
    }

    /** The DFS number at a position of the dominator-tree preorder (0: the virtual root). */
    int numberAtTreePosition(int position) {
        return order.numberAt(position);
    }

    /** The last position of the subtree of a DFS number. */
    int subtreeEndOfNumber(int number) {
        return order.exit(number);
    }

    /**
     * Hands each node {@code node} immediately dominates to {@code out}, in preorder; {@code node}
     * {@link DominatorTree#VIRTUAL_ROOT} for the tree's top (what only GC roots hold). Each step
     * jumps over a child's subtree, so the cost is the number of children.
     */
    void forEachChild(int node, java.util.function.IntConsumer out) {
        int n = node == DominatorTree.VIRTUAL_ROOT ? 0 : tree.number(node);
        if (n < 0) {
            return;
        }
        for (int p = order.enter(n) + 1, end = order.exit(n); p <= end; ) {
            int c = order.numberAt(p);
            out.accept(tree.nodeAt(c));
            p = order.exit(c) + 1;
        }
    }

    /** Hands every node dominated by {@code node} (itself included) to {@code out}. */
    void forEachDominated(int node, java.util.function.IntConsumer out) {
        int n = tree.number(node);
        if (n < 0) {
            return;
        }
        for (int i = order.enter(n); i <= order.exit(n); i++) {
            out.accept(tree.nodeAt(order.numberAt(i)));
        }
    }

    /** Whether a dominates b (both reachable nodes); every node dominates itself. */
    boolean dominates(int a, int b) {
        int na = tree.number(a);
        int nb = tree.number(b);
        return na >= 0 && nb >= 0 && order.enter(na) <= order.enter(nb) && order.exit(nb) <= order.exit(na);
    }

    /**
     * Retained bytes of the set; when {@code retainedNodes} is given, it receives every retained
     * node (members included).
     */
    long retainedSize(int[] nodes, java.util.function.IntConsumer retainedNodes) {
        int d = -1;
        int members = 0;
        for (int v : nodes) {
            int n = tree.number(v);
            if (n < 0) {
                continue; // unreachable members retain nothing
            }
            members++;
            d = d < 0 ? n : lca(d, n);
        }
        if (members == 0) {
            return 0;
        }
        int dNode = d == 0 ? -1 : tree.nodeAt(d);
        boolean dIsMember = false;
        for (int v : nodes) {
            dIsMember |= v == dNode;
        }
        if (dIsMember) {
            if (retainedNodes != null) {
                for (int i = order.enter(d); i <= order.exit(d); i++) {
                    retainedNodes.accept(tree.nodeAt(order.numberAt(i)));
                }
            }
            return tree.retainedAt(d);
        }
        if (mark == null) {
            mark = new int[graph.nodeCount()];
        }
        epoch++;
        for (int v : nodes) {
            if (tree.number(v) >= 0) {
                mark[v] = epoch; // members: the walk must not enter them
            }
        }
        long reachedBytes = walk(d, dNode);
        if (retainedNodes != null) {
            for (int i = order.enter(d) + 1; i <= order.exit(d); i++) {
                int v = tree.nodeAt(order.numberAt(i));
                if (mark[v] != -epoch) {
                    retainedNodes.accept(v);
                }
            }
        }
        return tree.retainedAt(d) - reachedBytes;
    }

    /** Bytes in D's subtree reachable from D without entering a member (D's own size included). */
    private long walk(int d, int dNode) {
        int[] queue = new int[64];
        int head = 0;
        int tail = 0;
        long bytes = 0;
        if (dNode < 0) {
            // D is the virtual root: start from every GC root that is not a member.
            for (int r : graph.roots().distinctNodes()) {
                if (mark[r] != epoch) {
                    mark[r] = -epoch;
                    queue = push(queue, tail++, r);
                }
            }
        } else {
            mark[dNode] = -epoch;
            queue = push(queue, tail++, dNode);
        }
        while (head < tail) {
            int v = queue[head++];
            bytes += graph.shallowSize(v);
            long end = graph.outEnd(v);
            for (long e = graph.outStart(v); e <= end; e++) {
                int t = e < end ? graph.target(e) : graph.classEdge(v);
                if (t < 0 || mark[t] == epoch || mark[t] == -epoch) {
                    continue;
                }
                int tn = tree.number(t);
                if (tn < 0 || order.enter(tn) < order.enter(d) || order.exit(tn) > order.exit(d)) {
                    continue; // outside D's subtree: not retained by the set either way
                }
                mark[t] = -epoch;
                queue = push(queue, tail++, t);
            }
        }
        return bytes;
    }

    private static int[] push(int[] queue, int at, int v) {
        if (at == queue.length) {
            queue = java.util.Arrays.copyOf(queue, at * 2);
        }
        queue[at] = v;
        return queue;
    }

    private int lca(int a, int b) {
        while (a != b) {
            if (a > b) {
                a = tree.idomNumber(a);
            } else {
                b = tree.idomNumber(b);
            }
        }
        return a;
    }
}
