package dev.heapchain.hprof.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** What a {@link DumpBuilder} has collected so far, and how it hands out ids and serials. */
final class DumpModel {
    /** Serial of the frameless trace HotSpot writes for allocation sites it does not record. */
    static final int DUMMY_TRACE_SERIAL = 1;

    record Frame(long id, long methodNameId, long signatureId, long sourceFileId, int classSerial,
            int line) {
    }

    record Trace(int serial, int threadSerial, long[] frameIds) {
    }

    final DumpOptions opts;
    final List<HeapClass> classes = new ArrayList<>();
    final Map<Long, HeapClass> classesById = new HashMap<>();
    /** Per dump, the sub-records in creation order; serialised late so fields can change. */
    final List<List<Consumer<HeapRecordWriter>>> dumps = new ArrayList<>();
    final Map<ByteBuffer, Long> names = new LinkedHashMap<>();
    final List<Frame> frames = new ArrayList<>();
    final List<Trace> traces = new ArrayList<>();
    final List<Integer> unloadedSerials = new ArrayList<>();
    private final Set<Long> usedIds = new HashSet<>();
    private long nextObjectId;
    private long nextNameId;
    private int nextClassSerial = 1;
    private int nextTraceSerial = DUMMY_TRACE_SERIAL + 1;
    private int nextThreadSerial = 1;

    DumpModel(DumpOptions opts) {
        this.opts = opts;
        dumps.add(new ArrayList<>());
    }

    HeapClass addClass(byte[] nameBytes, String name, long id, long superclassId) {
        HeapClass c = new HeapClass(id, nextClassSerial++, nameBytes, name, superclassId);
        nameId(nameBytes);
        classes.add(c);
        classesById.putIfAbsent(id, c);
        usedIds.add(id);
        return c;
    }

    void addItem(long objectId, Consumer<HeapRecordWriter> write) {
        usedIds.add(objectId);
        addItem(write);
    }

    void addItem(Consumer<HeapRecordWriter> write) {
        dumps.get(dumps.size() - 1).add(write);
    }

    int addTrace(int threadSerial, long[] frameIds) {
        int serial = nextTraceSerial++;
        traces.add(new Trace(serial, threadSerial, frameIds.clone()));
        return serial;
    }

    int nextThreadSerial() {
        return nextThreadSerial++;
    }

    /** The class chain from {@code classId} upwards, each class once, so cycles terminate. */
    List<HeapClass> hierarchy(long classId) {
        Set<HeapClass> chain = new LinkedHashSet<>();
        HeapClass c = classesById.get(classId);
        while (c != null && chain.add(c)) {
            c = classesById.get(c.superclassId);
        }
        return new ArrayList<>(chain);
    }

    long nameId(String text) {
        return nameId(HprofWriter.modifiedUtf8(text));
    }

    long nameId(byte[] bytes) {
        return names.computeIfAbsent(ByteBuffer.wrap(bytes.clone()), b -> allocateName());
    }

    /** Bumps by a plausible object size so address gaps look like a compressed-oops heap. */
    long allocate(long sizeBytes) {
        if (nextObjectId == 0) {
            nextObjectId = opts.idSize == 8 ? 0x7f00_0000_0000L : 0x1000_0000L;
        }
        long id;
        do {
            id = nextObjectId;
            nextObjectId += Math.max(16, (sizeBytes + 7) & ~7L);
        } while (usedIds.contains(id));
        usedIds.add(id);
        return id;
    }

    /** Names and frames live apart from objects, as HotSpot symbol and method ids do. */
    long allocateName() {
        if (nextNameId == 0) {
            nextNameId = opts.idSize == 8 ? 0x7e00_0000_0000L : 0x0100_0000L;
        }
        long id = nextNameId;
        nextNameId += 8;
        return id;
    }

    /** Shallow size estimate (12-byte header, 4-byte references) used only to space ids. */
    int estimatedInstanceSize(long classId) {
        int size = 12;
        for (HeapClass c : hierarchy(classId)) {
            for (HeapClass.Field f : c.fields) {
                size += f.type().size(4);
            }
        }
        return size;
    }
}
