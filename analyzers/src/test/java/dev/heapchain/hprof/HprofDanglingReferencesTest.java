package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * References to ids that appear nowhere are normal (filtered objects, CDS-archived objects written
 * as null), and so are instances of a class the dump left out: count them, never fail.
 */
class HprofDanglingReferencesTest {
    @TempDir
    Path dir;

    @Test
    void danglingReferencesAndMissingClassesAreCountedNotFatal() {
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass holder = b.newClass("com.example.Holder").instanceField("ref", BasicType.OBJECT);
        long nowhere = b.unusedId();
        b.newInstance(holder).set("ref", nowhere);
        b.objectArray(nowhere, b.unusedId());
        long missingClass = b.unusedId();
        b.newInstanceOfClassId(missingClass);
        b.newInstanceOfClassId(missingClass);
        b.objectArrayWithId(b.unusedId(), b.unusedId(), nowhere);
        b.rootJniGlobal(nowhere, 1).rootUnknown(b.unusedId());
        HeapClass orphan = b.newClass("com.example.Orphan").superclassId(b.unusedId());
        b.newInstance(orphan);
        Path p = Dumps.write(dir, "dangling.hprof", b.toBytes());

        HprofReadSummary s = Dumps.read(p);
        assertEquals(4, s.counts().instanceDumps());
        assertEquals(2, s.counts().objectArrayDumps());
        assertEquals(2, s.counts().rootRecords());

        ClassHistogram h = Dumps.histogram(p);
        Map<String, Long> counts = Dumps.instancesByClass(h);
        assertEquals(1L, counts.get("com.example.Holder"));
        assertEquals(1L, counts.get("com.example.Orphan"));
        assertEquals(2L, counts.get("unknown class 0x" + Long.toHexString(missingClass)), counts::toString);
        assertEquals(6, h.totalInstances(), "4 instances and 2 object arrays: " + counts);
        assertTrue(h.dump().warnings().stream().anyMatch(w -> w.kind().equals("missing-class")), h.dump().warnings()::toString);
        assertTrue(h.dump().warnings().stream().anyMatch(w -> w.kind().equals("missing-superclass")), h.dump().warnings()::toString);
    }
}
