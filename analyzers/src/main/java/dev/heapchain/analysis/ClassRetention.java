package dev.heapchain.analysis;

import dev.heapchain.graph.HeapGraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Per class: reachable instances, their shallow bytes, and their retained bytes, defined as the sum
 * of the retained sizes of the class's instances that no other instance of the same class
 * dominates. The exact retained size of "all instances of C" needs one set search per class; this
 * one is a single walk over the dominator tree, never counts a byte twice within a class (a
 * dominated instance's bytes are already in its dominating instance's), and differs from the exact
 * set size only by objects that several instances keep alive together, which it leaves out.
 */
public final class ClassRetention {
    private ClassRetention() {
    }

    /** @param retainedBytes see the class comment; at most the exact retained size of all instances */
    public record Row(String className, long instances, long shallowBytes, long retainedBytes) {
    }

    /** Every class with a reachable instance, largest retained first (ties: shallow, instances, name). */
    public static List<Row> compute(HeapAnalysis a) {
        return compute(a, 1 << 16);
    }

    /** @param splitFrom trees with at least this many positions are walked in two halves at once */
    static List<Row> compute(HeapAnalysis a, int splitFrom) {
        HeapGraph g = a.graph();
        SetRetention tree = a.setRetention();
        int classes = g.classes().size();
        int size = tree.treeSize();
        // Two threads walk half the positions each; the upper half starts with the path to its
        // first node (that node's dominators) already on its stack.
        int split = size / 2;
        long[][] lower = new long[3][classes];
        long[][] upper = new long[3][classes];
        if (size < Math.max(3, splitFrom)) {
            walk(a, tree, 1, size, lower, false);
        } else {
            dev.heapchain.util.Tasks.both(() -> walk(a, tree, 1, split, lower, false),
                    () -> walk(a, tree, split, size, upper, true));
        }
        long[] instances = lower[0];
        long[] shallow = lower[1];
        long[] retained = lower[2];
        for (int c = 0; c < classes; c++) {
            instances[c] += upper[0][c];
            shallow[c] += upper[1][c];
            retained[c] += upper[2][c];
        }
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            if (instances[c] > 0) {
                rows.add(new Row(g.classes().byIndex(c).name(), instances[c], shallow[c], retained[c]));
            }
        }
        rows.sort(Comparator.comparingLong(Row::retainedBytes).reversed()
                .thenComparing(Comparator.comparingLong(Row::shallowBytes).reversed())
                .thenComparing(Comparator.comparingLong(Row::instances).reversed())
                .thenComparing(Row::className));
        return List.copyOf(rows);
    }

    /**
     * Walks tree positions [from, to), adding instances, shallow and counted retained bytes per
     * class into {@code out[0..2]}. {@code midway}: the walk starts inside the tree, with the
     * dominators of the node at {@code from} on the path (they are counted by the walk before).
     */
    private static void walk(HeapAnalysis a, SetRetention tree, int from, int to, long[][] out, boolean midway) {
        HeapGraph g = a.graph();
        DominatorTree dom = a.dominators();
        long[] instances = out[0];
        long[] shallow = out[1];
        long[] retained = out[2];
        TreePath path = new TreePath(instances.length);
        if (midway) {
            dev.heapchain.util.IntList up = new dev.heapchain.util.IntList();
            for (int d = dom.idomNumber(tree.numberAtTreePosition(from)); d > 0; d = dom.idomNumber(d)) {
                up.add(d);
            }
            for (long k = up.size() - 1; k >= 0; k--) {
                int d = up.get(k);
                path.push(tree.subtreeEndOfNumber(d), g.classIndex(dom.nodeAt(d)));
            }
        }
        for (int pos = from; pos < to; pos++) {
            path.leaveBefore(pos);
            // By DFS number where the tree allows: one lookup of the node, none of its number.
            int number = tree.numberAtTreePosition(pos);
            int node = dom.nodeAt(number);
            int c = g.classIndex(node); // negative for class objects
            if (c >= 0) {
                instances[c]++;
                shallow[c] += g.shallowSize(node);
                if (path.count(c) == 0) {
                    retained[c] += dom.retainedAt(number);
                }
            }
            path.push(tree.subtreeEndOfNumber(number), c);
        }
    }

    /**
     * The current root-to-node path of the walk: each entry's last tree position and class, and
     * how many instances of each class are on it (an instance counts only when none of its own
     * class is above it). Grows with the tree's depth.
     */
    private static final class TreePath {
        private final int[] onPath;
        private int[] end = new int[64];
        private int[] classOf = new int[64];
        private int size;

        TreePath(int classes) {
            onPath = new int[classes];
        }

        /** Enters a node whose subtree ends at position {@code last}; class -1 for class objects. */
        void push(int last, int c) {
            if (size == end.length) {
                end = java.util.Arrays.copyOf(end, size * 2);
                classOf = java.util.Arrays.copyOf(classOf, size * 2);
            }
            end[size] = last;
            classOf[size++] = c;
            if (c >= 0) {
                onPath[c]++;
            }
        }

        /** Leaves the nodes whose subtrees end before {@code position}. */
        void leaveBefore(int position) {
            while (size > 0 && end[size - 1] < position) {
                int c = classOf[--size];
                if (c >= 0) {
                    onPath[c]--;
                }
            }
        }

        int count(int c) {
            return onPath[c];
        }
    }
}
