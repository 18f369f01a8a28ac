package dev.heapchain.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.graph.ClassTableCollector;
import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapClassTable;
import dev.heapchain.hprof.Dumps;
import dev.heapchain.hprof.HprofReadSummary;
import dev.heapchain.hprof.HprofRootKind;
import dev.heapchain.hprof.ReadProbe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** android/dialer.android-hprof: JAVA PROFILE 1.0.3 with app and zygote heaps. */
class CorpusAndroidTest {
    private static final String FILE = "android/dialer.android-hprof";

    @Test
    void recordsAndRoots() {
        ReadProbe probe = new ReadProbe();
        HprofReadSummary s = Dumps.read(Corpus.file(FILE), 0, probe);
        assertEquals("JAVA PROFILE 1.0.3", s.header().version().formatName());
        assertEquals(636, s.counts().heapRecords());
        assertEquals(3_571, s.counts().classDumps());
        assertEquals(40_116, s.counts().objects());
        assertEquals(11_193, s.counts().rootRecords());
        assertEquals(11, s.counts().roots(HprofRootKind.THREAD_OBJECT));
        assertEquals(11_182, s.counts().rootRecords() - s.counts().roots(HprofRootKind.THREAD_OBJECT));
        assertTrue(s.counts().roots(HprofRootKind.INTERNED_STRING) > 0);
        assertTrue(s.counts().roots(HprofRootKind.FINALIZING) > 0);
        assertTrue(s.counts().roots(HprofRootKind.DEBUGGER) > 0);
        assertTrue(s.warnings().isEmpty(), s.warnings()::toString);
    }

    @Test
    void heapSplitFromHeapDumpInfo() {
        ReadProbe probe = new ReadProbe();
        Dumps.read(Corpus.file(FILE), 0, probe);
        assertEquals(1_406L, probe.objectsPerHeap.get("app"), probe.objectsPerHeap::toString);
        assertEquals(38_710L, probe.objectsPerHeap.get("zygote"), probe.objectsPerHeap::toString);
        assertEquals(38L, probe.classDumpsPerHeap.get("app"), probe.classDumpsPerHeap::toString);
        assertEquals(3_533L, probe.classDumpsPerHeap.get("zygote"), probe.classDumpsPerHeap::toString);
    }

    @Test
    void histogramNamesAndCounts() {
        ClassHistogram h = Dumps.histogram(Corpus.file(FILE));
        Map<String, Long> counts = Dumps.instancesByClass(h);
        assertEquals(1_406L, counts.get("byte[]"));
        assertEquals(37L, counts.get("int[][]"));
        assertEquals(1_396L, counts.get("java.lang.String[]"));
        assertEquals(40_116, h.totalInstances());
    }

    @Test
    void applicationClassChain() {
        ClassTableCollector collector = new ClassTableCollector();
        Dumps.read(Corpus.file(FILE), 0, collector);
        HeapClassTable table = collector.classTable();
        HeapClass app = table.byName("android.app.Application");
        assertNotNull(app);
        List<String> chain = new ArrayList<>();
        for (HeapClass c = app; c != null; c = c.superclass()) {
            chain.add(c.name());
        }
        assertEquals(List.of("android.app.Application", "android.content.ContextWrapper", "android.content.Context",
                "java.lang.Object"), chain);
    }
}
