package dev.heapchain.analysis;

import dev.heapchain.graph.FieldMap;
import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;

/** Reference-field navigation over the graph's labelled edges; no file access. */
public final class Fields {
    private Fields() {
    }

    /** The node a named reference field of {@code v} points to; -1 if null, dangling or absent. */
    public static int target(HeapGraph g, int v, String field) {
        int ordinal = ordinal(g, v, field);
        if (ordinal < 0) {
            return -1;
        }
        for (long e = g.outStart(v); e < g.outEnd(v); e++) {
            if (g.label(e) == ordinal) {
                return g.target(e);
            }
        }
        return -1;
    }

    /** Ordinal of a field in the instance layout of {@code v}'s class, or -1 (arrays, class objects). */
    public static int ordinal(HeapGraph g, int v, String field) {
        if (g.isClassObject(v)) {
            return -1;
        }
        HeapClass c = g.classOf(v);
        if (c.isArray()) {
            return -1;
        }
        return g.fieldMap(c.index()).ordinalOf(field);
    }

    public static FieldMap map(HeapGraph g, int v) {
        return g.fieldMap(g.classOf(v).index());
    }
}
