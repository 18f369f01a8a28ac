package dev.heapchain.analysis;

import dev.heapchain.graph.ClassTableCollector;
import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofClassDump;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofInput;
import dev.heapchain.hprof.HprofReader;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The JVM's own sizes, read from the addresses: HotSpot object ids are addresses, so once all
 * objects are sorted by address, the distance from an instance to the next object is its size
 * when nothing lies between them (dead space only adds). Per class, the smallest such distance
 * is the true instance size as soon as one instance is directly followed by another object.
 */
final class AddressDistances extends ClassTableCollector {
    private long[] ids = new long[1 << 16];
    private long[] classes = new long[1 << 16];
    private int n;

    /** Per instance class id: {smallest distance to the next object, number of instances}. */
    static Map<Long, long[]> read(HprofFile file, ClassTableCollector[] tableOut) {
        AddressDistances d = new AddressDistances();
        new HprofReader(file, 0).read(d);
        tableOut[0] = d;
        Integer[] order = new Integer[d.n];
        for (int i = 0; i < d.n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compareUnsigned(d.ids[a], d.ids[b]));
        Map<Long, long[]> result = new HashMap<>();
        for (int k = 0; k + 1 < order.length; k++) {
            int i = order[k];
            if (d.classes[i] == 0) {
                continue; // an array or a class object
            }
            long distance = d.ids[order[k + 1]] - d.ids[i];
            long[] r = result.computeIfAbsent(d.classes[i], c -> new long[]{Long.MAX_VALUE, 0});
            r[0] = Math.min(r[0], distance);
            r[1]++;
        }
        return result;
    }

    private void add(long id, long classId) {
        if (n == ids.length) {
            ids = Arrays.copyOf(ids, n * 2);
            classes = Arrays.copyOf(classes, n * 2);
        }
        ids[n] = id;
        classes[n++] = classId;
    }

    @Override
    public void instanceDump(long objectId, long classId, HprofInput in, int length, long offset) {
        add(objectId, classId);
    }

    @Override
    public void objectArrayDump(long arrayId, long arrayClassId, int length, HprofInput in, long offset) {
        add(arrayId, 0);
    }

    @Override
    public void primitiveArrayDump(long arrayId, HprofBasicType type, int length, boolean hasData,
                                   HprofInput in, long offset) {
        add(arrayId, 0);
    }

    @Override
    public void classDump(HprofClassDump dump) {
        super.classDump(dump);
        add(dump.classId(), 0); // mirrors lie in the heap too (JDK 8+), between instances
    }
}
