package dev.heapchain.analysis;

import dev.heapchain.graph.FieldMap;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.graph.ObjectData;
import dev.heapchain.graph.ObjectReader;
import dev.heapchain.hprof.HprofBasicType;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes java.lang.String values for the few strings a report names (thread names). JDK 9+
 * keeps a byte[] with a coder (0 Latin-1, 1 UTF-16 in the platform's byte order, little-endian on
 * the x86 and ARM JVMs that write dumps); JDK 8 and older a char[] with optional offset/count.
 */
final class StringValues {
    private StringValues() {
    }

    /** Decodes the given String nodes; others, and strings whose value is missing, are absent. */
    static Map<Integer, String> decode(HeapGraph g, int[] strings) {
        Map<Integer, Integer> valueOf = new HashMap<>();
        for (int s : strings) {
            int value = fieldTarget(g, s, "value");
            if (value >= 0) {
                valueOf.put(s, value);
            }
        }
        int[] wanted = new int[strings.length + valueOf.size()];
        int k = 0;
        for (int s : strings) {
            wanted[k++] = s;
        }
        for (int v : valueOf.values()) {
            wanted[k++] = v;
        }
        Map<Integer, ObjectData> data = ObjectReader.read(g, wanted);
        Map<Integer, String> out = new HashMap<>();
        for (int s : strings) {
            Integer value = valueOf.get(s);
            ObjectData str = data.get(s);
            ObjectData arr = value == null ? null : data.get(value);
            if (str == null || arr == null) {
                continue;
            }
            out.put(s, text(g, s, str, arr));
        }
        return out;
    }

    private static String text(HeapGraph g, int s, ObjectData str, ObjectData arr) {
        FieldMap map = g.fieldMap(g.classOf(s).index());
        if (arr.elementType() == HprofBasicType.CHAR) {
            int offset = intField(map, str, "offset", 0);
            int count = intField(map, str, "count", arr.elementsKept());
            StringBuilder sb = new StringBuilder();
            for (int i = offset; i < Math.min(arr.elementsKept(), offset + count); i++) {
                sb.append((char) arr.value(i * 2, HprofBasicType.CHAR));
            }
            return sb.toString();
        }
        int coder = intField(map, str, "coder", 0);
        byte[] b = arr.bytes();
        return coder == 0 ? new String(b, StandardCharsets.ISO_8859_1) : new String(b, StandardCharsets.UTF_16LE);
    }

    private static int intField(FieldMap map, ObjectData d, String name, int fallback) {
        int o = map.ordinalOf(name);
        return o < 0 ? fallback : (int) d.value(map.offset(o), map.type(o));
    }

    static int fieldTarget(HeapGraph g, int v, String field) {
        return Fields.target(g, v, field);
    }
}
