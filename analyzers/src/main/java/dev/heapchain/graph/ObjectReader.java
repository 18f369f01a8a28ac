package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofInput;
import dev.heapchain.hprof.HprofReader;
import dev.heapchain.hprof.HprofVisitor;
import dev.heapchain.util.LongIntMap;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the record bodies of chosen objects in one pass over the dump: instance field bytes and
 * primitive array contents (capped). The graph keeps no values, so reports that need some (thread
 * names, epochs, list contents) gather all they need and read once.
 */
public final class ObjectReader {
    /** Primitive array bytes kept per array: names and small values, never bulk data. */
    public static final int ARRAY_CAP = 64 * 1024;

    private ObjectReader() {
    }

    /** Bodies by node: field bytes for instances, element bytes for primitive arrays. */
    public static Map<Integer, ObjectData> read(HeapGraph graph, int[] nodes) {
        int idSize = graph.summary().header().idSize();
        Map<Integer, ObjectData> out = new HashMap<>();
        LongIntMap wanted = new LongIntMap(Math.max(16, nodes.length));
        for (int v : nodes) {
            byte[] kept = graph.captured().fields(v);
            if (kept != null) {
                out.put(v, new ObjectData(null, kept, kept.length, idSize));
            } else {
                wanted.put(graph.id(v), v);
            }
        }
        if (wanted.size() == 0) {
            return out; // everything was captured during the build: no pass over the dump
        }
        HprofVisitor visitor = new HprofVisitor() {
            @Override
            public void instanceDump(long objectId, long classId, HprofInput in, int length, long offset) {
                int v = wanted.get(objectId);
                if (v >= 0 && !out.containsKey(v)) {
                    byte[] b = new byte[length];
                    System.arraycopy(in.buffer(), in.bufferOffset(), b, 0, length);
                    out.put(v, new ObjectData(null, b, length, idSize));
                }
            }

            @Override
            public void primitiveArrayDump(long arrayId, HprofBasicType type, int length, boolean hasData, HprofInput in,
                                           long offset) {
                int v = wanted.get(arrayId);
                if (v < 0 || out.containsKey(v) || !hasData) {
                    return;
                }
                long bytes = (long) length * type.size(idSize);
                int keep = (int) Math.min(bytes, ARRAY_CAP);
                byte[] b = new byte[keep];
                for (int i = 0; i < keep; i++) {
                    b[i] = (byte) in.u1();
                }
                out.put(v, new ObjectData(type, b, length, idSize));
            }

            @Override
            public void objectArrayDump(long arrayId, long arrayClassId, int length, HprofInput in, long offset) {
                int v = wanted.get(arrayId);
                if (v < 0 || out.containsKey(v)) {
                    return;
                }
                int keep = (int) Math.min((long) length * idSize, ARRAY_CAP * 16L);
                byte[] b = new byte[keep - keep % idSize];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) in.u1();
                }
                out.put(v, new ObjectData(HprofBasicType.OBJECT, b, length, idSize));
            }
        };
        new HprofReader(graph.file(), graph.summary().selectedDump()).read(visitor);
        return out;
    }
}
