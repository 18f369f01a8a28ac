package dev.heapchain.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.analysis.HistogramPass;
import dev.heapchain.hprof.Dumps;
import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofFormatException;
import dev.heapchain.hprof.HprofReadSummary;
import dev.heapchain.hprof.ReadProbe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The corpus files that exist to test one behaviour: several dumps, none, damage, gzip. */
class CorpusSpecialFilesTest {

    @Test
    void twoDumpsInOneFile() {
        Path p = Corpus.file("mat/sun_jdk6_31_hprofagent_compressedOops.hprof");
        HprofReadSummary first = Dumps.read(p);
        assertEquals(2, first.dumpCount());
        assertTrue(first.warnings().stream().anyMatch(w -> w.message().contains("holds 2 heap dumps")),
                first.warnings()::toString);
        HprofReadSummary second = Dumps.read(p, 2, new ReadProbe());
        assertEquals(2, second.selectedDump());
        assertTrue(second.counts().instanceDumps() > 0);
        assertTrue(second.warnings().isEmpty(), second.warnings()::toString);
        HprofFormatException e = assertThrows(HprofFormatException.class, () -> Dumps.read(p, 3, new ReadProbe()));
        assertTrue(e.getMessage().contains("holds 2 heap dumps"), e.getMessage());
        // The agent writes dotted names: they must come out the same as HotSpot's.
        ClassHistogram h = HistogramPass.run(HprofFile.open(p), 2);
        assertTrue(Dumps.instancesByClass(h).containsKey("java.lang.String[]"), h.rows()::toString);
    }

    @Test
    void fileWithoutHeapDumpWarnsButReads() {
        Path p = Corpus.file("jhat/minimal.bin");
        ClassHistogram h = Dumps.histogram(p);
        assertEquals(0, h.dump().dumpCount());
        assertEquals(0, h.dump().objects());
        assertTrue(h.dump().warnings().stream().anyMatch(w -> w.kind().equals("no-heap-dump")), h.dump().warnings()::toString);
    }

    @Test
    void unknownTopLevelTag() {
        HprofReadSummary s = Dumps.read(Corpus.file("broken/unknown-top-level-tag.hprof"));
        assertEquals(1, s.counts().unknownTopLevelRecords());
        assertTrue(s.warnings().stream().anyMatch(w -> w.kind().equals("unknown-tag") && w.message().contains("0xff")),
                s.warnings()::toString);
    }

    @Test
    void bytesInsertedIntoStringRecords() {
        Path p = Corpus.file("broken/small_heap-bytes-inserted.bin");
        HprofFormatException e = assertThrows(HprofFormatException.class, () -> Dumps.histogram(p));
        assertEquals(304_376, e.offset());
        assertTrue(e.getMessage().contains("304376"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void singleMemberGzip() {
        HprofReadSummary s = Dumps.read(Corpus.file("mat/openjdk_jdk11_04_x64.hprof.gz"));
        assertEquals(129_433, s.counts().instanceDumps());
        assertEquals(14_080_024, s.bytesRead());
        assertTrue(s.warnings().isEmpty(), s.warnings()::toString);
    }

    @Test
    void gzipWithOneHalfGigabyteArray() {
        ReadProbe probe = new ReadProbe();
        HprofReadSummary s = Dumps.read(Corpus.file("mat/java_pid1884.0001.hprof.gz"), 0, probe);
        assertEquals(521_141_248, probe.largestPrimitiveArray);
        assertEquals(HprofBasicType.BYTE, probe.largestPrimitiveArrayType);
        assertEquals(522_836_448, s.bytesRead());
        assertTrue(s.warnings().isEmpty(), s.warnings()::toString);
    }
}
