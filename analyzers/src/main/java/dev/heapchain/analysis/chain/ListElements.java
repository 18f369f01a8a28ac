package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.Fields;
import dev.heapchain.graph.HeapGraph;

import java.util.ArrayList;
import java.util.List;

/**
 * The elements of a java.util list, in order, from the graph's edges: ArrayList and Vector
 * ({@code elementData}), CopyOnWriteArrayList ({@code array}), Arrays.asList ({@code a}),
 * immutable lists ({@code elements}, {@code e0}/{@code e1}) and LinkedList (node chain). Array
 * edges are stored in element order and nulls are not edges, so the non-null elements come out
 * in list order.
 */
final class ListElements {
    private static final int MAX_LINKED = 10_000_000;

    private ListElements() {
    }

    /** Element nodes, or null when the object is not a list this knows. */
    static List<Integer> of(HeapGraph g, int list) {
        for (String field : new String[]{"elementData", "array", "a", "elements"}) {
            int array = Fields.target(g, list, field);
            if (array >= 0 && g.classOf(array).isArray()) {
                List<Integer> out = new ArrayList<>();
                for (long e = g.outStart(array); e < g.outEnd(array); e++) {
                    out.add(g.target(e));
                }
                return out;
            }
        }
        if (Fields.ordinal(g, list, "first") >= 0 && Fields.ordinal(g, list, "last") >= 0) {
            List<Integer> out = new ArrayList<>();
            for (int node = Fields.target(g, list, "first"); node >= 0 && out.size() < MAX_LINKED;
                 node = Fields.target(g, node, "next")) {
                int item = Fields.target(g, node, "item");
                if (item >= 0) {
                    out.add(item);
                }
            }
            return out;
        }
        if (Fields.ordinal(g, list, "e0") >= 0) {
            List<Integer> out = new ArrayList<>();
            for (String f : new String[]{"e0", "e1"}) {
                int t = Fields.target(g, list, f);
                if (t >= 0 && t != list) {
                    out.add(t);
                }
            }
            return out;
        }
        return null;
    }
}
