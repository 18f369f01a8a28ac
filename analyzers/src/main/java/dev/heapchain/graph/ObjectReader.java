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
        if (readByCheckpoints(graph, nodes, wanted, out)) {
            return out;
        }
        HprofVisitor visitor = collector(wanted, out, idSize);
        new HprofReader(graph.file(), graph.summary().selectedDump()).read(visitor);
        return out;
    }

    /** The same as {@link #read}, always in one whole pass (tests compare the two routes). */
    static Map<Integer, ObjectData> readWholePass(HeapGraph graph, int[] nodes) {
        int idSize = graph.summary().header().idSize();
        Map<Integer, ObjectData> out = new HashMap<>();
        LongIntMap wanted = new LongIntMap(Math.max(16, nodes.length));
        for (int v : nodes) {
            wanted.put(graph.id(v), v);
        }
        new HprofReader(graph.file(), graph.summary().selectedDump()).read(collector(wanted, out, idSize));
        return out;
    }


    /** Thrown by the collector to end a ranged read once it has passed the objects it wants. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads the wanted objects block by block from the graph's checkpoints, when they lie in at
     * most a quarter of the blocks; false (having read nothing) otherwise.
     */
    private static boolean readByCheckpoints(HeapGraph graph, int[] nodes, LongIntMap wanted, Map<Integer, ObjectData> out) {
        Checkpoints cp = graph.checkpoints();
        if (cp == null) {
            return false;
        }
        java.util.TreeMap<Integer, Long> lastIdOfBlock = new java.util.TreeMap<>();
        for (int v : nodes) {
            if (out.containsKey(v) || wanted.get(graph.id(v)) != v) {
                continue;
            }
            int b = cp.blockOf(v);
            if (b < 0) {
                if (graph.isClassObject(v)) {
                    continue; // class objects have no record to read; their data is the class dump
                }
                return false;
            }
            long id = graph.id(v);
            lastIdOfBlock.merge(b, id, (x, y) -> Long.compareUnsigned(x, y) >= 0 ? x : y);
        }
        if (lastIdOfBlock.size() > Math.max(4, cp.count() / 4)) {
            // A quarter of the dump or more: one sequential pass reads faster than many jumps.
            return false;
        }
        int idSize = graph.summary().header().idSize();
        HprofReader reader = new HprofReader(graph.file(), graph.summary().selectedDump());
        for (var e : lastIdOfBlock.entrySet()) {
            int b = e.getKey();
            long last = e.getValue();
            HprofVisitor visitor = collector(wanted, out, idSize, last);
            try {
                if (!reader.readHeapRange(visitor, cp.offset(b), cp.end(b))) {
                    out.keySet().removeIf(v -> graph.captured().fields(v) == null);
                    return false;
                }
            } catch (Enough done) {
                // passed the block's last wanted object
            }
        }
        return true;
    }

    private static HprofVisitor collector(LongIntMap wanted, Map<Integer, ObjectData> out, int idSize) {
        return collector(wanted, out, idSize, -1);
    }

    /** Collects the wanted objects' bodies; with {@code stopAfter} != -1, stops after the object with that id. */
    private static HprofVisitor collector(LongIntMap wanted, Map<Integer, ObjectData> out, int idSize, long stopAfter) {
        return new HprofVisitor() {
            private void after(long id) {
                if (id == stopAfter && stopAfter != -1) {
                    throw new Enough();
                }
            }

            @Override
            public void instanceDump(long objectId, long classId, HprofInput in, int length, long offset) {
                int v = wanted.get(objectId);
                if (v >= 0 && !out.containsKey(v)) {
                    byte[] b = new byte[length];
                    System.arraycopy(in.buffer(), in.bufferOffset(), b, 0, length);
                    out.put(v, new ObjectData(null, b, length, idSize));
                }
                after(objectId);
            }

            @Override
            public void primitiveArrayDump(long arrayId, HprofBasicType type, int length, boolean hasData, HprofInput in,
                                           long offset) {
                int v = wanted.get(arrayId);
                if (v < 0 || out.containsKey(v) || !hasData) {
                    after(arrayId);
                    return;
                }
                long bytes = (long) length * type.size(idSize);
                int keep = (int) Math.min(bytes, ARRAY_CAP);
                byte[] b = new byte[keep];
                for (int i = 0; i < keep; i++) {
                    b[i] = (byte) in.u1();
                }
                out.put(v, new ObjectData(type, b, length, idSize));
                after(arrayId);
            }

            @Override
            public void objectArrayDump(long arrayId, long arrayClassId, int length, HprofInput in, long offset) {
                int v = wanted.get(arrayId);
                if (v < 0 || out.containsKey(v)) {
                    after(arrayId);
                    return;
                }
                int keep = (int) Math.min((long) length * idSize, ARRAY_CAP * 16L);
                byte[] b = new byte[keep - keep % idSize];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) in.u1();
                }
                out.put(v, new ObjectData(HprofBasicType.OBJECT, b, length, idSize));
                after(arrayId);
            }
        };
    }
}
