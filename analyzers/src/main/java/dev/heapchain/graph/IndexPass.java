package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofClassDump;
import dev.heapchain.hprof.HprofInput;
import dev.heapchain.hprof.HprofRootKind;
import dev.heapchain.util.IntList;
import dev.heapchain.util.LongIntMap;
import dev.heapchain.util.LongList;

/**
 * First pass of the graph build: every object's id, a class slot and its array length, in stream
 * order, plus roots, classes and the size-model sample. Class dumps may come after the objects
 * that use them, so objects record a slot per class id and are resolved after the pass.
 */
final class IndexPass extends ClassTableCollector {
    /** Set by the builder to publish how far the pass has got; null when nobody is watching. */
    dev.heapchain.util.ProgressMeter meter;
    private int sinceReport;

    private void progressed(long offset) {
        if (meter != null && ++sinceReport == 1 << 16) {
            sinceReport = 0;
            meter.at(offset);
        }
    }

    /** Slots 0..11 are primitive array types by type code; 12 marks class objects. */
    static final int CLASS_OBJECT_SLOT = 12;
    static final int FIRST_CLASS_SLOT = 16;

    final LongList ids = new LongList();
    final IntList slots = new IntList();
    final IntList lengths = new IntList();
    final LongIntMap slotOfClassId = new LongIntMap(4096);
    final LongList slotClassIds = new LongList();
    final LongList rootIds = new LongList();
    final IntList rootKinds = new IntList();
    final IntList rootThreads = new IntList();
    final IntList rootDepths = new IntList();
    final SizeModelInference inference = new SizeModelInference();
    boolean ascending = true;
    private long previous;

    IndexPass() {
        for (int i = 0; i < FIRST_CLASS_SLOT; i++) {
            slotClassIds.add(0);
        }
    }

    private void add(long id, int slot, int length) {
        if (ascending && ids.size() > 0 && Long.compareUnsigned(id, previous) <= 0) {
            ascending = false;
        }
        previous = id;
        ids.add(id);
        slots.add(slot);
        lengths.add(length);
    }

    private int slotOf(long classId) {
        int s = slotOfClassId.get(classId);
        if (s < 0) {
            s = (int) slotClassIds.size();
            slotOfClassId.put(classId, s);
            slotClassIds.add(classId);
        }
        return s;
    }

    @Override
    public void instanceDump(long objectId, long classId, HprofInput in, int length, long offset) {
        progressed(offset);
        add(objectId, slotOf(classId), 0);
        inference.instance(objectId, classId);
    }

    @Override
    public void objectArrayDump(long arrayId, long arrayClassId, int length, HprofInput in, long offset) {
        progressed(offset);
        add(arrayId, slotOf(arrayClassId), length);
        inference.objectArray(arrayId, length);
    }

    @Override
    public void primitiveArrayDump(long arrayId, HprofBasicType type, int length, boolean hasData, HprofInput in,
                                   long offset) {
        add(arrayId, type.code(), length);
        inference.primitiveArray(arrayId, type, length);
    }

    @Override
    public void classDump(HprofClassDump dump) {
        super.classDump(dump);
        add(dump.classId(), CLASS_OBJECT_SLOT, 0);
    }

    @Override
    public void gcRoot(HprofRootKind kind, long objectId, int threadSerial, int frameDepthOrTrace) {
        rootIds.add(objectId);
        rootKinds.add(kind.ordinal());
        rootThreads.add(threadSerial);
        rootDepths.add(frameDepthOrTrace);
    }
}
