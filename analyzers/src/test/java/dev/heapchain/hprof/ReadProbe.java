package dev.heapchain.hprof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A visitor that keeps what reader tests assert on: decoded strings, class names by id, objects
 * per Android heap, and the longest primitive array. Counts come from {@link HprofCounts}; this
 * only adds what the counts cannot say.
 */
public class ReadProbe implements HprofVisitor {
    public final Map<Long, String> strings = new HashMap<>();
    /** Class id to name id, first LOAD_CLASS wins (as the class table does). */
    public final Map<Long, Long> classNameIds = new LinkedHashMap<>();
    /** Heap name (from HEAP_DUMP_INFO) to objects (instances and arrays) seen while it applied. */
    public final Map<String, Long> objectsPerHeap = new LinkedHashMap<>();
    public final Map<String, Long> classDumpsPerHeap = new LinkedHashMap<>();
    public final List<HprofWarning> warnings = new ArrayList<>();
    public final List<Long> rootObjects = new ArrayList<>();
    public long largestPrimitiveArray = -1;
    public HprofBasicType largestPrimitiveArrayType;
    private String heap = "default";

    @Override
    public void utf8(long id, HprofInput in, int length) {
        strings.put(id, ModifiedUtf8.decode(in.buffer(), in.bufferOffset(), length));
    }

    @Override
    public void loadClass(int classSerial, long classId, int stackTraceSerial, long nameId) {
        classNameIds.putIfAbsent(classId, nameId);
    }

    /** The raw (as written) name of a class, or null. */
    public String className(long classId) {
        Long nameId = classNameIds.get(classId);
        return nameId == null ? null : strings.get(nameId);
    }

    @Override
    public void heapDumpInfo(int heapId, long nameId) {
        heap = strings.getOrDefault(nameId, "heap#" + heapId);
    }

    @Override
    public void gcRoot(HprofRootKind kind, long objectId, int threadSerial, int frameDepthOrTrace) {
        rootObjects.add(objectId);
    }

    @Override
    public void classDump(HprofClassDump dump) {
        classDumpsPerHeap.merge(heap, 1L, Long::sum);
    }

    @Override
    public void instanceDump(long objectId, long classId, HprofInput in, int length, long offset) {
        objectsPerHeap.merge(heap, 1L, Long::sum);
    }

    @Override
    public void objectArrayDump(long arrayId, long arrayClassId, int length, HprofInput in, long offset) {
        objectsPerHeap.merge(heap, 1L, Long::sum);
    }

    @Override
    public void primitiveArrayDump(long arrayId, HprofBasicType type, int length, boolean hasData,
                                   HprofInput in, long offset) {
        objectsPerHeap.merge(heap, 1L, Long::sum);
        if (length > largestPrimitiveArray) {
            largestPrimitiveArray = length;
            largestPrimitiveArrayType = type;
        }
    }

    @Override
    public void warning(HprofWarning warning) {
        warnings.add(warning);
    }
}
