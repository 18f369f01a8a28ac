package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofClassDump;
import dev.heapchain.hprof.HprofClassNames;
import dev.heapchain.hprof.HprofHeader;
import dev.heapchain.hprof.HprofInput;
import dev.heapchain.hprof.HprofRootKind;
import dev.heapchain.util.CharArray;
import dev.heapchain.util.IndexArray;
import dev.heapchain.util.IntArray;
import dev.heapchain.util.IntList;
import dev.heapchain.util.LongArray;
import dev.heapchain.util.LongIntMap;
import dev.heapchain.util.LongList;

import dev.heapchain.util.ProgressMeter;
import java.util.Arrays;
import java.util.Set;

/**
 * The graph build's pass over the dump: every object's id, a class slot and its array length, in
 * stream order, plus roots, classes and the size-model sample. Class dumps may come after the
 * objects that use them, so objects record a slot per class id and are resolved after the pass.
 * {@link #result()} hands all of it to the build as one {@link IndexedDump}.
 *
 * <p>It also keeps every reference as the raw id it names, row by row: the references of
 * instances and arrays in one list, those of class objects (statics, superclass, loader) in
 * another. That needs each instance's field layout when the instance is read, which a dump that
 * writes class dumps first (as HotSpot does) allows; when an instance arrives before its class
 * chain, the references are dropped ({@link IndexedDump#edges()} is null) and the builder reads
 * them in a second pass instead.
 */
final class IndexPass extends ClassTableCollector {
    /** Slots 0..11 are primitive array types by type code; 12 marks class objects. */
    static final int CLASS_OBJECT_SLOT = 12;
    static final int FIRST_CLASS_SLOT = 16;

    /** Publishes how far the pass has got; null when nobody is watching. */
    private final ProgressMeter meter;
    private final LongArray ids = LongArray.growable(1 << 12);
    private final IntArray slots = IntArray.growable(1 << 12);
    private final IntArray lengths = IntArray.growable(1 << 12);
    private final LongIntMap slotOfClassId = new LongIntMap(4096);
    private final LongList slotClassIds = new LongList();
    private final LongList rootIds = new LongList();
    private final IntList rootKinds = new IntList();
    private final IntList rootThreads = new IntList();
    private final IntList rootDepths = new IntList();
    private final SizeModelInference inference = new SizeModelInference();
    /** Whether all ids ascend in stream order; and all but those of class objects. */
    private boolean ascending = true;
    private boolean ascendingExceptClasses = true;
    private long previous;
    private long previousNonClass;
    private boolean anyNonClass;
    private long classObjects;
    /** The first id of an object that is not a class object, and the OR of every such id's distance from it. */
    private long firstNonClassId;
    private long nonClassIdBits;

    // References.
    private final boolean keepWeak;
    private final Set<String> capture;
    private int idSize = 8;
    private boolean edgesComplete = true;
    /** Row starts of instances and arrays (stream order, class objects left out), then the end. */
    private final IndexArray rowStart = IndexArray.growable(1 << 12);
    /** Raw ids of instance and array references, 4 bytes each where they fit (see RefList). */
    private final RefList rawTargets = new RefList();
    private final CharArray labels = CharArray.growable(1 << 12);
    /** Rows of class objects, in stream order. */
    private final IndexArray classRowStart = IndexArray.growable(1 << 10);
    private final LongArray classRawTargets = LongArray.growable(1 << 10);
    private final CharArray classLabels = CharArray.growable(1 << 10);
    private long weakSkipped;
    private final CapturedFields.Builder captured = new CapturedFields.Builder();
    private int nonClassCount;
    /** Per class slot: the reference-field layout used while reading, null until first needed. */
    private Layout[] layouts = new Layout[64];

    /** Reference fields of one class's instances, as read from the class dumps during the pass. */
    record Layout(int[] offsets, char[] ordinals, int weakOrdinal, boolean capture) {
    }

    /** Every {@code 1 << CHECKPOINT_BITS}-th object that is not a class object, and the first of each heap record. */
    static final int CHECKPOINT_BITS = 12;
    private final LongList checkpointNodes = new LongList();
    private final LongList checkpointOffsets = new LongList();
    private final LongList checkpointEnds = new LongList();
    private long recordEnd;
    private boolean recordStarted;

    /** @param meter how far the pass has got goes there; null for nobody */
    IndexPass(boolean keepWeak, Set<String> capture, ProgressMeter meter) {
        for (int i = 0; i < FIRST_CLASS_SLOT; i++) {
            slotClassIds.add(0);
        }
        this.keepWeak = keepWeak;
        this.capture = capture;
        this.meter = meter;
    }

    private void progressed(long offset) {
        if (meter != null) {
            meter.tick(offset);
        }
    }

    /**
     * Call once, after the pass: what it read, the arrays handed over. The references go along
     * only when all were read (see the class comment); otherwise they are freed here.
     */
    IndexedDump result() {
        if (edgesComplete) {
            rowStart.add(rawTargets.size());
            classRowStart.add(classRawTargets.size());
        }
        IndexedDump.Edges edges = new IndexedDump.Edges(rowStart, rawTargets, labels, classRowStart, classRawTargets,
                classLabels, weakSkipped, captured, layouts);
        if (!edgesComplete) {
            edges.free();
            edges = null;
        }
        return new IndexedDump(ids, slots, lengths, slotClassIds.toArray(), classObjects, ascending,
                ascendingExceptClasses, nonClassIdBits, new HeapRoots.Raw(rootIds, rootKinds, rootThreads, rootDepths),
                inference, this, edges, new Checkpoints(checkpointNodes, checkpointOffsets, checkpointEnds, nonClassCount));
    }

    @Override
    public void heapRecord(long start, long bodyStart, long bodyEnd) {
        recordEnd = bodyEnd;
        recordStarted = true;
    }

    /** Called before a record that is not a class object is counted. */
    private void checkpoint(long offset) {
        if (recordStarted || (nonClassCount & ((1 << CHECKPOINT_BITS) - 1)) == 0) {
            recordStarted = false;
            checkpointNodes.add(nonClassCount);
            checkpointOffsets.add(offset);
            checkpointEnds.add(recordEnd);
        }
    }

    @Override
    public void header(HprofHeader header) {
        super.header(header);
        idSize = header.idSize();
    }

    private void add(long id, int slot, int length) {
        if (ascending && ids.size() > 0 && Long.compareUnsigned(id, previous) <= 0) {
            ascending = false;
        }
        previous = id;
        if (slot != CLASS_OBJECT_SLOT) {
            if (!anyNonClass) {
                firstNonClassId = id;
                rawTargets.base(id); // the lowest address of a heap written in address order
            }
            nonClassIdBits |= id - firstNonClassId;
            if (ascendingExceptClasses && anyNonClass && Long.compareUnsigned(id, previousNonClass) <= 0) {
                ascendingExceptClasses = false;
            }
            previousNonClass = id;
            anyNonClass = true;
        } else {
            classObjects++;
        }
        ids.add(id);
        slots.add(slot);
        lengths.add(length);
    }

    /**
     * Class id to slot: every object asks, so a small direct-mapped cache (16 KB, stays in the
     * first-level cache while the dump streams through the others) answers before the map.
     * Entry 2h holds a class id, 2h + 1 its slot + 1 (0: empty).
     */
    private final long[] slotCache = new long[2 << SLOT_CACHE_BITS];
    private static final int SLOT_CACHE_BITS = 10;

    private int slotOf(long classId) {
        int h = (int) ((classId * 0x9E3779B97F4A7C15L) >>> (64 - SLOT_CACHE_BITS)) << 1;
        long[] cache = slotCache;
        if (cache[h] == classId && cache[h + 1] != 0) {
            return (int) cache[h + 1] - 1;
        }
        int s = slotOfClassId.get(classId);
        if (s < 0) {
            s = (int) slotClassIds.size();
            slotOfClassId.put(classId, s);
            slotClassIds.add(classId);
        }
        cache[h] = classId;
        cache[h + 1] = s + 1L;
        return s;
    }

    @Override
    public void instanceDump(long objectId, long classId, HprofInput in, int length, long offset) {
        progressed(offset);
        checkpoint(offset);
        int slot = slotOf(classId);
        add(objectId, slot, 0);
        inference.instance(objectId, classId);
        if (edgesComplete) {
            Layout layout = layout(slot, classId);
            if (layout == null) {
                edgesComplete = false;
                return;
            }
            rowStart.add(rawTargets.size());
            if (layout.capture) {
                captured.add(nonClassCount, in.buffer(), in.bufferOffset(), length);
            }
            int[] offsets = layout.offsets;
            char[] ordinals = layout.ordinals;
            int weak = keepWeak ? -1 : layout.weakOrdinal;
            for (int k = 0; k < offsets.length; k++) {
                int at = offsets[k];
                if (at + idSize > length) {
                    break; // a record shorter than its class says: read what is there
                }
                long id = in.idAt(at);
                if (id == 0) {
                    continue;
                }
                if (ordinals[k] == weak) {
                    weakSkipped++;
                    continue;
                }
                rawTargets.add(id);
                labels.add(ordinals[k]);
            }
        }
        nonClassCount++;
    }

    @Override
    public void objectArrayDump(long arrayId, long arrayClassId, int length, HprofInput in, long offset) {
        progressed(offset);
        checkpoint(offset);
        add(arrayId, slotOf(arrayClassId), length);
        inference.objectArray(arrayId, length);
        if (edgesComplete) {
            rowStart.add(rawTargets.size());
            for (int i = 0; i < length; i++) {
                long id = in.id();
                if (id != 0) {
                    rawTargets.add(id);
                    labels.add((char) Math.min(i, HeapGraph.LABEL_LARGE_INDEX));
                }
            }
        }
        nonClassCount++;
    }

    @Override
    public void primitiveArrayDump(long arrayId, HprofBasicType type, int length, boolean hasData, HprofInput in,
                                   long offset) {
        checkpoint(offset);
        add(arrayId, type.code(), length);
        inference.primitiveArray(arrayId, type, length);
        if (edgesComplete) {
            rowStart.add(rawTargets.size());
        }
        nonClassCount++;
    }

    @Override
    public void classDump(HprofClassDump dump) {
        super.classDump(dump);
        add(dump.classId(), CLASS_OBJECT_SLOT, 0);
        if (edgesComplete) {
            classRowStart.add(classRawTargets.size());
            for (int i = 0; i < dump.staticFields().size(); i++) {
                HprofClassDump.StaticField f = dump.staticFields().get(i);
                if (f.type() == HprofBasicType.OBJECT && f.value() != 0) {
                    classRawTargets.add(f.value());
                    classLabels.add((char) Math.min(i, HeapGraph.LABEL_SUPERCLASS - 1));
                }
            }
            if (dump.superclassId() != 0) {
                classRawTargets.add(dump.superclassId());
                classLabels.add(HeapGraph.LABEL_SUPERCLASS);
            }
            if (dump.classLoaderId() != 0) {
                classRawTargets.add(dump.classLoaderId());
                classLabels.add(HeapGraph.LABEL_CLASS_LOADER);
            }
        }
    }

    @Override
    public void gcRoot(HprofRootKind kind, long objectId, int threadSerial, int frameDepthOrTrace) {
        rootIds.add(objectId);
        rootKinds.add(kind.ordinal());
        rootThreads.add(threadSerial);
        rootDepths.add(frameDepthOrTrace);
    }

    /** The layout of a class slot, computed on first use from the class dumps read so far; null when incomplete. */
    private Layout layout(int slot, long classId) {
        if (slot >= layouts.length) {
            layouts = Arrays.copyOf(layouts, Math.max(slot + 1, layouts.length * 2));
        }
        Layout l = layouts[slot];
        if (l == null) {
            l = computeLayout(classId);
            layouts[slot] = l;
        }
        return l;
    }

    /** Own declared fields first, then each superclass's, as {@link FieldMap} lays them out. */
    private Layout computeLayout(long classId) {
        IntList offsets = new IntList();
        IntList ordinals = new IntList();
        int weak = -1;
        boolean isReference = false;
        boolean wanted = false;
        int at = 0;
        int ordinal = 0;
        int steps = 0;
        for (long k = classId; k != 0; ) {
            HprofClassDump d = dumpSoFar(k);
            String raw = rawNameSoFar(k);
            if (d == null || raw == null || ++steps > dumpCount()) {
                return null; // not read yet (or a cycle): the second pass handles it
            }
            String name = HprofClassNames.toSourceForm(raw);
            boolean referenceClass = name.equals("java.lang.ref.Reference");
            isReference |= referenceClass;
            wanted |= capture.contains(name);
            for (HprofClassDump.Field f : d.instanceFields()) {
                if (f.type() == HprofBasicType.OBJECT) {
                    if (referenceClass && "referent".equals(stringSoFar(f.nameId()))) {
                        weak = ordinal;
                    }
                    offsets.add(at);
                    ordinals.add(ordinal);
                }
                at += f.type().size(idSize);
                ordinal++;
            }
            k = d.superclassId();
        }
        if (ordinal > 0xFFFF) {
            return null;
        }
        int[] off = offsets.toArray();
        int[] ord = ordinals.toArray();
        char[] ords = new char[ord.length];
        for (int i = 0; i < ord.length; i++) {
            ords[i] = (char) ord[i];
        }
        return new Layout(off, ords, isReference ? weak : -1, wanted);
    }
}
