package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.RootKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AOSP hprof.cc additions: HEAP_DUMP_INFO (0xFE), the 0x89..0x90 roots and PRIMITIVE_ARRAY_NODATA. */
class HprofAndroidTest {
    @TempDir
    Path dir;

    @Test
    void heapsRootsAndArraysWithoutData() {
        DumpBuilder b = DumpBuilder.android();
        HeapClass view = b.newClass("android.view.View");
        b.heapDumpInfo(1, "zygote");
        long zygoteObject = b.newInstance(view).id();
        b.newInstance(view);
        b.primitiveArrayNoData(BasicType.INT, 1000);
        b.heapDumpInfo(3, "app");
        long appObject = b.newInstance(view).id();
        b.primitiveArray(new byte[] {1, 2, 3});
        b.primitiveArrayNoData(BasicType.LONG, 7);
        long extra = 0;
        for (RootKind kind : RootKind.values()) {
            if (kind.isAndroid()) {
                long[] extras = new long[kind.extraIds() + kind.extraU4s()];
                b.root(kind, appObject, extras);
                extra++;
            }
        }
        b.root(RootKind.JAVA_FRAME, zygoteObject, 1, 0);
        Path p = Dumps.write(dir, "android.hprof", b.toBytes());

        ReadProbe probe = new ReadProbe();
        HprofReadSummary s = Dumps.read(p, 0, probe);
        assertEquals("JAVA PROFILE 1.0.3", s.header().version().formatName());
        assertEquals(4, s.header().idSize());
        assertEquals(Map.of("zygote", 3L, "app", 3L), probe.objectsPerHeap);
        assertEquals(2, s.counts().primitiveArraysWithoutData());
        assertEquals(3, s.counts().primitiveArrayDumps());
        for (HprofRootKind k : new HprofRootKind[] {HprofRootKind.INTERNED_STRING, HprofRootKind.FINALIZING,
            HprofRootKind.DEBUGGER, HprofRootKind.REFERENCE_CLEANUP, HprofRootKind.VM_INTERNAL,
            HprofRootKind.JNI_MONITOR, HprofRootKind.UNREACHABLE}) {
            assertEquals(1, s.counts().roots(k), k::toString);
        }
        assertEquals(extra + 1, s.counts().rootRecords());
        assertTrue(s.warnings().isEmpty(), s.warnings()::toString);

        ClassHistogram h = Dumps.histogram(p);
        Map<String, Long> counts = Dumps.instancesByClass(h);
        assertEquals(3L, counts.get("android.view.View"));
        assertEquals(1L, counts.get("int[]"));
        assertEquals(1L, counts.get("long[]"));
        assertEquals(1L, counts.get("byte[]"));
        // ART names are dotted already; they must come out unchanged.
        assertTrue(counts.keySet().stream().noneMatch(n -> n.contains("/")), counts::toString);
    }
}
