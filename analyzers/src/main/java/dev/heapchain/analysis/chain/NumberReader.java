package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.Fields;
import dev.heapchain.graph.FieldMap;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.graph.ObjectData;
import dev.heapchain.graph.ObjectReader;
import dev.heapchain.hprof.HprofBasicType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Numeric field values (epochs, list elements) for many objects with one read of the dump.
 * Requests are resolved on the graph first: {@code provenance.offset} hops through reference
 * fields, and a boxed final field ({@code Long epoch}) hops to the box's {@code value}.
 */
final class NumberReader {
    /** Where a value lives: a holder object and a field ordinal in its class; holder -1 when unresolvable. */
    record Slot(int holder, int ordinal) {
        static final Slot NONE = new Slot(-1, -1);
    }

    private final HeapGraph graph;
    private final List<Integer> holders = new ArrayList<>();
    private Map<Integer, ObjectData> data;

    NumberReader(HeapGraph graph) {
        this.graph = graph;
    }

    Slot request(int node, String path) {
        String[] parts = path.split("\\.");
        int v = node;
        for (int i = 0; i < parts.length - 1 && v >= 0; i++) {
            v = Fields.target(graph, v, parts[i]);
        }
        if (v < 0) {
            return Slot.NONE;
        }
        String last = parts[parts.length - 1];
        int ordinal = Fields.ordinal(graph, v, last);
        if (ordinal < 0) {
            return Slot.NONE;
        }
        if (Fields.map(graph, v).type(ordinal) == HprofBasicType.OBJECT) {
            int box = Fields.target(graph, v, last);
            if (box < 0) {
                return Slot.NONE;
            }
            v = box;
            ordinal = Fields.ordinal(graph, v, "value");
            if (ordinal < 0 || Fields.map(graph, v).type(ordinal) == HprofBasicType.OBJECT) {
                return Slot.NONE;
            }
        }
        holders.add(v);
        return new Slot(v, ordinal);
    }

    void read() {
        data = ObjectReader.read(graph, holders.stream().mapToInt(Integer::intValue).distinct().toArray());
    }

    /** The value as a long (floating values truncated), or null when unresolvable. */
    Long value(Slot slot) {
        if (slot.holder() < 0) {
            return null;
        }
        ObjectData d = data.get(slot.holder());
        if (d == null) {
            return null;
        }
        FieldMap map = Fields.map(graph, slot.holder());
        HprofBasicType type = map.type(slot.ordinal());
        long bits = d.value(map.offset(slot.ordinal()), type);
        return switch (type) {
            case FLOAT -> (long) Float.intBitsToFloat((int) bits);
            case DOUBLE -> (long) Double.longBitsToDouble(bits);
            case BOOLEAN -> bits != 0 ? 1L : 0L;
            default -> bits;
        };
    }
}
