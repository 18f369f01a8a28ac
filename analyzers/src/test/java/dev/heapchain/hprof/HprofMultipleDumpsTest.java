package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.analysis.HistogramPass;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file with two heap dumps (as the hprof agent writes): warn by default, pick with a number. */
class HprofMultipleDumpsTest {
    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void twoDumps() {
        DumpBuilder b = DumpBuilder.hotspot().segments(2);
        HeapClass first = b.newClass("com.example.First");
        HeapClass second = b.newClass("com.example.Second");
        for (int i = 0; i < 3; i++) {
            b.newInstance(first);
        }
        b.nextDump();
        for (int i = 0; i < 5; i++) {
            b.newInstance(second);
        }
        file = Dumps.write(dir, "two.hprof", b.toBytes());
    }

    @Test
    void defaultReadsTheFirstAndSaysThereAreTwo() {
        HprofReadSummary s = Dumps.read(file);
        assertEquals(2, s.dumpCount());
        assertEquals(1, s.selectedDump());
        assertEquals(3, s.counts().instanceDumps());
        assertTrue(s.warnings().stream().anyMatch(w -> w.message().contains("holds 2 heap dumps")), s.warnings()::toString);
        ClassHistogram h = HistogramPass.run(HprofFile.open(file), 0);
        assertEquals(3L, Dumps.instancesByClass(h).get("com.example.First"));
        assertFalse(Dumps.instancesByClass(h).containsKey("com.example.Second"));
    }

    @Test
    void dumpTwoPicksTheSecondWithoutWarning() {
        HprofReadSummary s = Dumps.read(file, 2, new ReadProbe());
        assertEquals(2, s.selectedDump());
        assertEquals(5, s.counts().instanceDumps());
        assertTrue(s.warnings().isEmpty(), s.warnings()::toString);
        ClassHistogram h = HistogramPass.run(HprofFile.open(file), 2);
        assertEquals(5L, Dumps.instancesByClass(h).get("com.example.Second"));
        assertFalse(Dumps.instancesByClass(h).containsKey("com.example.First"));
        assertEquals(2, h.dump().dumpNumber());
        assertEquals(2, h.dump().dumpCount());
    }

    @Test
    void dumpOneExplicitlyDoesNotWarn() {
        HprofReadSummary s = Dumps.read(file, 1, new ReadProbe());
        assertEquals(3, s.counts().instanceDumps());
        assertTrue(s.warnings().isEmpty(), s.warnings()::toString);
    }

    @Test
    void aDumpPastTheLastIsAnErrorNamingTheCount() {
        HprofFormatException e = assertThrows(HprofFormatException.class, () -> Dumps.read(file, 3, new ReadProbe()));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertTrue(e.getMessage().contains("holds 2 heap dumps"), e.getMessage());
    }

    @Test
    void singleHeapDumpRecordsCountOneDumpEach() {
        // Without segments each HEAP_DUMP record is a dump of its own, HEAP_DUMP_END or not.
        DumpBuilder b = DumpBuilder.hotspot().singleHeapDump().heapDumpEnd(false);
        b.newInstance(b.newClass("A"));
        b.nextDump();
        b.newInstance(b.newClass("B"));
        b.newInstance(b.newClass("C"));
        Path p = Dumps.write(dir, "heapdumps.hprof", b.toBytes());
        assertEquals(2, Dumps.read(p).dumpCount());
        assertEquals(2, Dumps.read(p, 2, new ReadProbe()).counts().instanceDumps());
    }
}
