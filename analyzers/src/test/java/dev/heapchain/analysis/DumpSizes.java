package dev.heapchain.analysis;

import dev.heapchain.graph.ClassTableCollector;
import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapClassTable;
import dev.heapchain.graph.InstanceLayouts;
import dev.heapchain.graph.SizeModel;
import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofInput;
import dev.heapchain.hprof.HprofReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a size model says about one dump, beyond the histogram: the instance size of every class
 * that has a CLASS_DUMP, even with no instances (so a jmap row for a class whose objects were gone
 * at dump time can still be checked), and the size of every single array.
 */
final class DumpSizes extends ClassTableCollector {
    private final Map<Long, List<Integer>> objectArrayLengths = new HashMap<>();
    private final Map<HprofBasicType, List<Integer>> primitiveArrayLengths = new HashMap<>();
    private HeapClassTable classes;
    private int[] instanceSizes;
    private SizeModel model;

    static DumpSizes read(HprofFile file, SizeModel model) {
        DumpSizes d = new DumpSizes();
        new HprofReader(file, 0).read(d);
        d.model = model;
        d.classes = d.classTable();
        d.instanceSizes = InstanceLayouts.sizes(d.classes, model);
        return d;
    }

    @Override
    public void objectArrayDump(long arrayId, long arrayClassId, int length, HprofInput in, long offset) {
        objectArrayLengths.computeIfAbsent(arrayClassId, k -> new ArrayList<>()).add(length);
    }

    @Override
    public void primitiveArrayDump(long arrayId, HprofBasicType type, int length, boolean hasData,
                                   HprofInput in, long offset) {
        primitiveArrayLengths.computeIfAbsent(type, k -> new ArrayList<>()).add(length);
    }

    /** Model instance sizes of the (instance) classes called {@code name}; empty if none is dumped. */
    Set<Integer> instanceSizes(String name) {
        Set<Integer> sizes = new TreeSet<>();
        for (HeapClass c : classes.all()) {
            if (c.name().equals(name) && !c.isArray() && c.dump() != null) {
                sizes.add(instanceSizes[c.index()]);
            }
        }
        return sizes;
    }

    /** Model sizes of every array of the classes called {@code name} (one entry per array). */
    List<Long> arraySizes(String name) {
        List<Long> sizes = new ArrayList<>();
        for (HprofBasicType t : HprofBasicType.values()) {
            if (t.isPrimitive() && name.equals(t.javaName() + "[]")) {
                for (int len : primitiveArrayLengths.getOrDefault(t, List.of())) {
                    sizes.add(model.arraySize(t, len));
                }
                return sizes;
            }
        }
        for (HeapClass c : classes.all()) {
            if (c.name().equals(name)) {
                for (int len : objectArrayLengths.getOrDefault(c.id(), List.of())) {
                    sizes.add(model.arraySize(HprofBasicType.OBJECT, len));
                }
            }
        }
        return sizes;
    }

    boolean hasClass(String name) {
        return classes.byName(name) != null;
    }
}
