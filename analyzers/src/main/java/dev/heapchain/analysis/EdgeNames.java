package dev.heapchain.analysis;

import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;

/** How a reference is written in a path: {@code next}, {@code [17]}, {@code <class>}, {@code <classloader>}. */
final class EdgeNames {
    private EdgeNames() {
    }

    static String of(HeapGraph g, int source, long edge) {
        if (edge == GcRootPaths.CLASS_EDGE) {
            return "<class>";
        }
        char label = g.label(edge);
        HeapClass described = g.describedClass(source);
        if (described != null) {
            if (label == HeapGraph.LABEL_SUPERCLASS) {
                return "<superclass>";
            }
            if (label == HeapGraph.LABEL_CLASS_LOADER) {
                return "<classloader>";
            }
            var statics = described.dump() == null ? java.util.List.<dev.heapchain.hprof.HprofClassDump.StaticField>of()
                    : described.dump().staticFields();
            if (label < statics.size()) {
                String name = g.classes().strings().get(statics.get(label).nameId());
                return name == null ? "static#" + (int) label : name;
            }
            return "static#" + (int) label;
        }
        HeapClass c = g.classOf(source);
        if (c.isArray()) {
            if (label == HeapGraph.LABEL_LARGE_INDEX) {
                return "[" + largeIndex(g, source, edge) + "]";
            }
            return "[" + (int) label + "]";
        }
        var map = g.fieldMap(c.index());
        return label < map.fieldCount() ? map.name(label) : "field#" + (int) label;
    }

    /**
     * Element index for arrays past 65,534: labels saturate there, so count from the last exact
     * label. Null elements are not edges, so this is a lower bound, marked with '≥'.
     */
    private static String largeIndex(HeapGraph g, int source, long edge) {
        long firstLarge = edge;
        while (firstLarge > g.outStart(source) && g.label(firstLarge - 1) == HeapGraph.LABEL_LARGE_INDEX) {
            firstLarge--;
        }
        return "\u2265" + (HeapGraph.LABEL_LARGE_INDEX + (edge - firstLarge));
    }
}
