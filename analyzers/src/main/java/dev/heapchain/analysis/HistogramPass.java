package dev.heapchain.analysis;

import dev.heapchain.graph.ClassTableCollector;
import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapClassTable;
import dev.heapchain.graph.InstanceLayouts;
import dev.heapchain.graph.SizeModel;
import dev.heapchain.graph.SizeModelInference;
import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofInput;
import dev.heapchain.hprof.HprofReadSummary;
import dev.heapchain.hprof.HprofReader;
import dev.heapchain.hprof.HprofWarning;
import dev.heapchain.util.LongIntMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a {@link ClassHistogram} in one streaming pass. Array sizes depend on the size model,
 * which is only known after the pass, so per array class it keeps the count, the sum of lengths
 * and how many lengths fall in each residue mod 16: enough to apply any model's padding exactly.
 */
public final class HistogramPass extends ClassTableCollector {
    private final SizeModelInference inference = new SizeModelInference();
    private final LongIntMap slots = new LongIntMap(4096);
    private long[] slotClass = new long[4096];
    private long[] counts = new long[4096];
    private final ArrayStats[] primitive = new ArrayStats[12];
    private final List<ArrayStats> objectArrays = new ArrayList<>();
    private final LongIntMap objectArraySlots = new LongIntMap(256);
    private long classObjects;

    /** Lengths of the arrays of one class, reduced to what any size model needs. */
    private static final class ArrayStats {
        final long classId;
        long count;
        long sumLength;
        final long[] residues = new long[16];

        ArrayStats(long classId) {
            this.classId = classId;
        }

        void add(int len) {
            count++;
            sumLength += len;
            residues[len & 15]++;
        }

        long bytes(SizeModel m, HprofBasicType type) {
            int base = m.arrayBaseOffset(type);
            int es = m.elementSize(type);
            long total = count * base + sumLength * es;
            for (int r = 0; r < 16; r++) {
                if (residues[r] > 0) {
                    long raw = base + (long) r * es;
                    total += residues[r] * (SizeModel.align(raw, m.alignment()) - raw);
                }
            }
            return total;
        }
    }

    public static ClassHistogram run(HprofFile file, int dump) {
        HistogramPass pass = new HistogramPass();
        HprofReadSummary summary = new HprofReader(file, dump).read(pass);
        return pass.result(file, summary);
    }

    @Override
    public void instanceDump(long objectId, long classId, HprofInput in, int length, long offset) {
        int slot = slots.get(classId);
        if (slot < 0) {
            slot = newSlot(classId);
        }
        counts[slot]++;
        inference.instance(objectId, classId);
    }

    private int newSlot(long classId) {
        int slot = slots.size();
        if (slot == counts.length) {
            counts = Arrays.copyOf(counts, slot * 2);
            slotClass = Arrays.copyOf(slotClass, slot * 2);
        }
        slots.put(classId, slot);
        slotClass[slot] = classId;
        return slot;
    }

    @Override
    public void objectArrayDump(long arrayId, long arrayClassId, int length, HprofInput in, long offset) {
        int slot = objectArraySlots.get(arrayClassId);
        if (slot < 0) {
            slot = objectArrays.size();
            objectArraySlots.put(arrayClassId, slot);
            objectArrays.add(new ArrayStats(arrayClassId));
        }
        objectArrays.get(slot).add(length);
        inference.objectArray(arrayId, length);
    }

    @Override
    public void primitiveArrayDump(long arrayId, HprofBasicType type, int length, boolean hasData,
                                   HprofInput in, long offset) {
        ArrayStats s = primitive[type.code()];
        if (s == null) {
            s = primitive[type.code()] = new ArrayStats(0);
        }
        s.add(length);
        inference.primitiveArray(arrayId, type, length);
    }

    @Override
    public void classDump(dev.heapchain.hprof.HprofClassDump dump) {
        super.classDump(dump);
        classObjects++;
    }

    private ClassHistogram result(HprofFile file, HprofReadSummary summary) {
        HeapClassTable classes = classTable();
        SizeModel model = inference.choose(summary.header(), classes);
        int[] sizes = InstanceLayouts.sizes(classes, model);
        List<HprofWarning> warnings = new ArrayList<>(classes.warnings());
        List<ClassHistogram.Row> rows = new ArrayList<>();
        long missing = 0;
        for (int slot = 0; slot < slots.size(); slot++) {
            HeapClass c = classes.byId(slotClass[slot]);
            if (c == null) {
                missing += counts[slot];
                rows.add(new ClassHistogram.Row("unknown class 0x" + Long.toHexString(slotClass[slot]), slotClass[slot],
                        counts[slot], counts[slot] * SizeModel.align(model.headerSize(), model.alignment())));
            } else {
                rows.add(new ClassHistogram.Row(c.name(), c.id(), counts[slot], counts[slot] * sizes[c.index()]));
            }
        }
        if (missing > 0) {
            warnings.add(new HprofWarning("missing-class", -1, missing + " instances name a class the dump does not hold;"
                    + " their size is counted as a bare object header"));
        }
        for (ArrayStats s : objectArrays) {
            HeapClass c = classes.byId(s.classId);
            String name = c == null ? "unknown array class 0x" + Long.toHexString(s.classId) : c.name();
            rows.add(new ClassHistogram.Row(name, s.classId, s.count, s.bytes(model, HprofBasicType.OBJECT)));
        }
        for (HprofBasicType t : HprofBasicType.values()) {
            ArrayStats s = t.isPrimitive() ? primitive[t.code()] : null;
            if (s != null) {
                HeapClass c = classes.primitiveArrayClass(t);
                rows.add(new ClassHistogram.Row(c.name(), c.id() < 0 ? null : c.id(), s.count, s.bytes(model, t)));
            }
        }
        rows.sort(Comparator.comparingLong(ClassHistogram.Row::shallowBytes).reversed()
                .thenComparing(Comparator.comparingLong(ClassHistogram.Row::instances).reversed())
                .thenComparing(ClassHistogram.Row::className)
                .thenComparing(r -> r.classId() == null ? 0 : r.classId()));
        long instances = 0;
        long bytes = 0;
        for (ClassHistogram.Row r : rows) {
            instances += r.instances();
            bytes += r.shallowBytes();
        }
        DumpFacts facts = DumpFacts.of(file, summary, summary.counts().classDumps(), warnings);
        return new ClassHistogram(facts, model, List.copyOf(rows), instances, bytes, classObjects);
    }
}
