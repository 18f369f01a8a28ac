package dev.heapchain.hprof;

import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;

/**
 * One small dump with a bit of everything the histogram must name: a class hierarchy, strings,
 * String[], int[][], primitive arrays, a thread with a frame root. Expected counts are constants
 * so tests say what they expect instead of recomputing it.
 */
public final class SampleDump {
    public static final int NODES = 12;
    public static final int STRINGS = 5;
    /** Strings, plus the thread's name. */
    public static final long STRING_INSTANCES = STRINGS + 1;

    private SampleDump() {
    }

    public static DumpBuilder populate(DumpBuilder b) {
        HeapClass base = b.newClass("com.example.Base").instanceField("weight", BasicType.LONG);
        HeapClass node = b.newClass("com.example.Node").superclass(base)
                .instanceField("next", BasicType.OBJECT).instanceField("id", BasicType.INT);
        HeapInstance prev = null;
        for (int i = 0; i < NODES; i++) {
            prev = b.newInstance(node).set("id", i).set("weight", 3L * i).set("next", prev);
        }
        long[] strings = new long[STRINGS];
        for (int i = 0; i < STRINGS; i++) {
            strings[i] = b.string("s" + i);
        }
        long names = b.objectArray(b.newClass("java.lang.String[]"), strings);
        HeapClass intMatrix = b.newClass("int[][]");
        long matrix = b.objectArray(intMatrix, b.primitiveArray(new int[] {1, 2}), b.primitiveArray(new int[3]));
        int thread = b.thread("main", b.frame("run", "()V", "Node.java", node, 12));
        b.rootJavaFrame(prev.id(), thread, 0).rootJniGlobal(names, 0x99).rootStickyClass(node)
                .rootMonitorUsed(matrix);
        return b;
    }
}
