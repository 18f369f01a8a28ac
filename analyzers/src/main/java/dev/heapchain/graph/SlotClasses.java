package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofHeader;

/**
 * The class side of a graph build, the same for both of its routes: the class table, the size
 * model, each class's field map, and for each class slot of the {@link IndexPass} the class its
 * objects have and their shallow size, looked up once per slot rather than once per object.
 */
final class SlotClasses {
    private final HeapClassTable classes;
    private final SizeModel model;
    private final FieldMap[] maps;
    /** Class index per slot from {@link IndexPass#FIRST_CLASS_SLOT} on. */
    private final int[] slotClass;
    /** Class index per slot, primitive-array slots included (-1 for a type the table lacks). */
    private final int[] classOfSlot;
    /** Size in 8-byte units per slot; -1 for array classes (the length decides). */
    private final int[] unitsOfSlot;
    private final HprofBasicType[] primitiveType = new HprofBasicType[IndexPass.CLASS_OBJECT_SLOT];

    private SlotClasses(HeapClassTable classes, SizeModel model, FieldMap[] maps, int[] slotClass) {
        this.classes = classes;
        this.model = model;
        this.maps = maps;
        this.slotClass = slotClass;
        int[] classSizes = InstanceLayouts.sizes(classes, model);
        classOfSlot = new int[Math.max(slotClass.length, IndexPass.FIRST_CLASS_SLOT)];
        unitsOfSlot = new int[classOfSlot.length];
        java.util.Arrays.fill(unitsOfSlot, -1);
        for (int slot = IndexPass.FIRST_CLASS_SLOT; slot < slotClass.length; slot++) {
            int c = slotClass[slot];
            classOfSlot[slot] = c;
            unitsOfSlot[slot] = classes.byIndex(c).isArray() ? -1 : units(classSizes[c]);
        }
        for (HprofBasicType t : HprofBasicType.values()) {
            if (t != HprofBasicType.OBJECT && t.code() < IndexPass.CLASS_OBJECT_SLOT) {
                HeapClass arrayClass = classes.primitiveArrayClass(t);
                primitiveType[t.code()] = t;
                classOfSlot[t.code()] = arrayClass == null ? -1 : arrayClass.index();
            }
        }
    }

    /** After the pass: the class table (placeholders for classes objects name but the dump lacks), model and maps. */
    static SlotClasses of(IndexedDump first, HprofHeader header) {
        HeapClassTable classes = first.classTable();
        SizeModel model = first.inference().choose(header, classes);
        FieldMap[] maps = new FieldMap[classes.size()];
        for (HeapClass c : classes.all()) {
            maps[c.index()] = FieldMap.of(c, header.idSize());
        }
        long[] ids = first.slotClassIds();
        int[] slotClass = new int[ids.length];
        for (int s = IndexPass.FIRST_CLASS_SLOT; s < ids.length; s++) {
            slotClass[s] = classes.byId(ids[s]).index();
        }
        return new SlotClasses(classes, model, maps, slotClass);
    }

    HeapClassTable classes() {
        return classes;
    }

    SizeModel model() {
        return model;
    }

    /** Field maps by class index. */
    FieldMap[] maps() {
        return maps;
    }

    /** Whether the layouts the pass read references with are the ones the class table gives. */
    boolean agreeWith(IndexedDump.Edges edges) {
        return edges.layoutsAgree(slotClass, maps);
    }

    /** The class index of the objects of a slot (not {@link IndexPass#CLASS_OBJECT_SLOT}). */
    int classIndex(int slot) {
        return classOfSlot[slot];
    }

    /** The size in 8-byte units of the objects of a slot, or -1 when it is an array slot (see {@link #arrayUnits}). */
    int fixedUnits(int slot) {
        return unitsOfSlot[slot];
    }

    /** The size in 8-byte units of an array of a slot. */
    int arrayUnits(int slot, int length) {
        HprofBasicType type = slot < IndexPass.CLASS_OBJECT_SLOT ? primitiveType[slot] : HprofBasicType.OBJECT;
        return units(model.arraySize(type, length));
    }

    /** The size in 8-byte units of an object of a slot. */
    int units(int slot, int length) {
        int units = unitsOfSlot[slot];
        return units >= 0 ? units : arrayUnits(slot, length);
    }

    /** The class column's entry of a class object (its size is 0). */
    int classObject(long classId) {
        return HeapGraph.CLASS_OBJECT | classes.byId(classId).index();
    }

    private static int units(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + 7) >>> 3);
    }
}
