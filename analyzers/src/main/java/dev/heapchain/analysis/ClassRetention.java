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
        HeapGraph g = a.graph();
        DominatorTree dom = a.dominators();
        SetRetention tree = a.setRetention();
        dev.heapchain.util.Trace.mark("class retention: tree order ready");
        int classes = g.classes().size();
        long[] instances = new long[classes];
        long[] shallow = new long[classes];
        long[] retained = new long[classes];
        // How many instances of each class are on the current root-to-node path of the tree: an
        // instance counts only when none of its own class is above it.
        int[] onPath = new int[classes];
        int size = tree.treeSize();
        int[] stackEnd = new int[size];
        int[] stackClass = new int[size];
        int sp = 0;
        for (int pos = 1; pos < size; pos++) {
            while (sp > 0 && stackEnd[sp - 1] < pos) {
                sp--;
                if (stackClass[sp] >= 0) {
                    onPath[stackClass[sp]]--;
                }
            }
            // By DFS number where the tree allows: one lookup of the node, none of its number.
            int number = tree.numberAtTreePosition(pos);
            int node = dom.nodeAt(number);
            int c = g.classIndex(node); // negative for class objects
            if (c >= 0) {
                instances[c]++;
                shallow[c] += g.shallowSize(node);
                if (onPath[c] == 0) {
                    retained[c] += dom.retainedAt(number);
                }
                onPath[c]++;
            }
            stackEnd[sp] = tree.subtreeEndOfNumber(number);
            stackClass[sp++] = c;
        }
        dev.heapchain.util.Trace.mark("class retention: walked");
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
}
