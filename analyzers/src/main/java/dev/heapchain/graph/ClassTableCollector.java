package dev.heapchain.graph;

import dev.heapchain.hprof.HprofClassDump;
import dev.heapchain.hprof.HprofInput;
import dev.heapchain.hprof.HprofVisitor;
import dev.heapchain.util.LongIntMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gathers strings, LOAD_CLASS and CLASS_DUMP records during a pass; other visitors delegate to it
 * so that one pass can both build the class table and do its own work. Order-independent: HotSpot
 * writes segments in parallel, so class dumps may follow the instances that use them.
 */
public class ClassTableCollector implements HprofVisitor {
    private final HeapStrings strings = new HeapStrings();
    private final LongIntMap loadIndex = new LongIntMap(1024);
    private final List<Long> loadOrder = new ArrayList<>();
    private long[] loadNameIds = new long[1024];
    private final List<HprofClassDump> classDumps = new ArrayList<>();

    @Override
    public void utf8(long id, HprofInput in, int length) {
        strings.add(id, in, length);
    }

    @Override
    public void loadClass(int classSerial, long classId, int stackTraceSerial, long nameId) {
        if (loadIndex.get(classId) >= 0) {
            return; // duplicate LOAD_CLASS for the same id: the first names it
        }
        int i = loadOrder.size();
        loadIndex.put(classId, i);
        loadOrder.add(classId);
        if (i == loadNameIds.length) {
            loadNameIds = Arrays.copyOf(loadNameIds, i * 2);
        }
        loadNameIds[i] = nameId;
    }

    private final LongIntMap dumpIndex = new LongIntMap(1024);

    @Override
    public void classDump(HprofClassDump dump) {
        if (dumpIndex.get(dump.classId()) < 0) {
            dumpIndex.put(dump.classId(), classDumps.size());
        }
        classDumps.add(dump);
    }

    /** The first CLASS_DUMP seen so far for a class id, or null. */
    protected HprofClassDump dumpSoFar(long classId) {
        int i = dumpIndex.get(classId);
        return i < 0 ? null : classDumps.get(i);
    }

    /** Class dumps seen so far. */
    protected int dumpCount() {
        return classDumps.size();
    }

    /** The class's name as the dump spells it (internal form), from what was read so far; or null. */
    protected String rawNameSoFar(long classId) {
        int i = loadIndex.get(classId);
        return i < 0 ? null : strings.get(loadNameIds[i]);
    }

    /** A string record read so far, or null. */
    protected String stringSoFar(long id) {
        return strings.get(id);
    }

    /** Call after the pass. */
    public HeapClassTable classTable() {
        return classTable(new long[0]);
    }

    /** Call after the pass; classes that objects name but the dump lacks get placeholders. */
    public HeapClassTable classTable(long[] referencedClassIds) {
        return HeapClassTable.build(strings, classId -> {
            int i = loadIndex.get(classId);
            return i < 0 ? -1 : loadNameIds[i];
        }, loadOrder, classDumps, referencedClassIds);
    }
}
