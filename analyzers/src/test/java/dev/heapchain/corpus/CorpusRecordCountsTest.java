package dev.heapchain.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.hprof.Dumps;
import dev.heapchain.hprof.HprofCounts;
import dev.heapchain.hprof.HprofReadSummary;
import dev.heapchain.hprof.HprofRootKind;
import dev.heapchain.hprof.ReadProbe;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The record counts MANIFEST.md lists as facts of the bytes ("every correct reader agrees"). */
class CorpusRecordCountsTest {

    /** Also remembers each root's kinds, to check a named MONITOR_USED root. */
    private static final class RootProbe extends ReadProbe {
        final Map<Long, java.util.Set<HprofRootKind>> kinds = new HashMap<>();

        @Override
        public void gcRoot(HprofRootKind kind, long objectId, int threadSerial, int frameDepthOrTrace) {
            super.gcRoot(kind, objectId, threadSerial, frameDepthOrTrace);
            kinds.computeIfAbsent(objectId, k -> new HashSet<>()).add(kind);
        }
    }

    @Test
    void netbeansHeapDump() {
        Path p = Corpus.file("netbeans/heap_dump.bin");
        RootProbe probe = new RootProbe();
        HprofReadSummary s = Dumps.read(p, 0, probe);
        HprofCounts c = s.counts();
        assertEquals(531, c.loadClassRecords());
        assertEquals(474, probe.classNameIds.size());
        assertEquals(474, c.classDumps());
        assertEquals(4_149, c.instanceDumps());
        assertEquals(748, c.objectArrayDumps());
        assertEquals(2_891, c.primitiveArrayDumps());
        assertEquals(7_788, c.objects());
        assertEquals(9, c.roots(HprofRootKind.THREAD_OBJECT));
        assertEquals(5, c.roots(HprofRootKind.JNI_GLOBAL));
        assertEquals(22, c.roots(HprofRootKind.JAVA_FRAME));
        assertEquals(413, c.roots(HprofRootKind.STICKY_CLASS));
        assertEquals(4, c.roots(HprofRootKind.MONITOR_USED));
        assertEquals(453, c.rootRecords());
        assertEquals(429, new HashSet<>(probe.rootObjects).size());
        assertTrue(probe.kinds.getOrDefault(0xd6f88ec8L, java.util.Set.of()).contains(HprofRootKind.MONITOR_USED));
        assertTrue(s.warnings().isEmpty(), s.warnings()::toString);

        ClassHistogram h = Dumps.histogram(p);
        assertEquals(1_516L, Dumps.instancesByClass(h).get("java.lang.String"));
    }

    @Test
    void jhatAgentDump() {
        HprofReadSummary s = Dumps.read(Corpus.file("jhat/hprof.bin"));
        HprofCounts c = s.counts();
        assertEquals(4, s.header().idSize());
        assertEquals(1_293, c.instanceDumps());
        assertEquals(423, c.objectArrayDumps());
        assertEquals(849, c.primitiveArrayDumps());
        assertEquals(361, c.classDumps());
        assertEquals(54, c.roots(HprofRootKind.UNKNOWN));
        assertEquals(8, c.roots(HprofRootKind.THREAD_OBJECT));
        assertEquals(395, c.roots(HprofRootKind.JNI_GLOBAL));
        assertEquals(1, c.roots(HprofRootKind.JNI_LOCAL));
        assertEquals(14, c.roots(HprofRootKind.JAVA_FRAME));
        assertEquals(381, c.roots(HprofRootKind.STICKY_CLASS));
        assertEquals(7, c.roots(HprofRootKind.THREAD_BLOCK));
        assertEquals(2, c.roots(HprofRootKind.MONITOR_USED));
        assertEquals(54 + 8 + 395 + 1 + 14 + 381 + 7 + 2, c.rootRecords());
        assertTrue(s.warnings().isEmpty(), s.warnings()::toString);
    }

    @Test
    void oracleJdk8DuplicateLoadClassRecords() {
        Path p = Corpus.file("mat/oracle_jdk8_05_x64.hprof");
        ReadProbe probe = new ReadProbe();
        HprofReadSummary s = Dumps.read(p, 0, probe);
        assertEquals(677, s.counts().loadClassRecords());
        assertEquals(603, probe.classNameIds.size());
        assertEquals(603, s.counts().classDumps());
        ClassHistogram h = Dumps.histogram(p);
        // Keyed by id, each class is one row however many LOAD_CLASS records name it.
        assertEquals(h.rows().size(), h.rows().stream().map(ClassHistogram.Row::classId).distinct().count());
        assertEquals(603, h.classObjects());
    }

    @Test
    void sunJdk5StringRecords() {
        Path p = Corpus.file("mat/sun_jdk5_64bit.hprof");
        HprofReadSummary s = Dumps.read(p);
        assertEquals("JAVA PROFILE 1.0.1", s.header().version().formatName());
        assertEquals(1, s.counts().heapRecords(), "one HEAP_DUMP record");
        // 602 records; MAT shows 492 because it drops unreachable objects, which a histogram keeps.
        assertEquals(602L, Dumps.instancesByClass(Dumps.histogram(p)).get("java.lang.String"));
    }

    @Test
    void sunJdk6ThirtyTwoBit() {
        HprofReadSummary s = Dumps.read(Corpus.file("mat/sun_jdk6_32bit.hprof"));
        assertEquals(4, s.header().idSize());
        assertTrue(s.counts().instanceDumps() > 0);
        assertTrue(s.warnings().isEmpty(), s.warnings()::toString);
    }

    @Test
    void sixU30PairHoldsTheSameRecords() {
        // Same program with and without compressed oops: other addresses, the same counts, which
        // MANIFEST.md gives from the jmap -histo of each JVM.
        for (String f : new String[] {"mat/sun_jdk6_30_x64_compressedOops.hprof", "mat/sun_jdk6_30_x64_nocompressedOops.hprof"}) {
            java.util.Map<String, Long> counts = Dumps.instancesByClass(Dumps.histogram(Corpus.file(f)));
            assertEquals(876L, counts.get("java.lang.String"), f);
            assertEquals(842L, counts.get("char[]"), f);
            assertEquals(18L, counts.get("java.util.HashMap"), f);
        }
    }
}
