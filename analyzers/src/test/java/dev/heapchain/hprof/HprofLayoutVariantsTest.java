package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.hprof.testing.ClassNaming;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HprofTag;
import dev.heapchain.hprof.testing.DumpDamage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every header version, id size and naming convention, written as one HEAP_DUMP and as many
 * shuffled HEAP_DUMP_SEGMENTs (instances before their class dumps, roots after objects), must
 * read to the same histogram.
 */
class HprofLayoutVariantsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> variants() {
        List<Arguments> list = new ArrayList<>();
        for (var version : dev.heapchain.hprof.testing.HprofVersion.values()) {
            for (int idSize : new int[] {4, 8}) {
                for (ClassNaming naming : ClassNaming.values()) {
                    list.add(Arguments.of(version, idSize, naming));
                }
            }
        }
        return list.stream();
    }

    private DumpBuilder builder(dev.heapchain.hprof.testing.HprofVersion v, int idSize, ClassNaming naming) {
        return DumpBuilder.hotspot().version(v).idSize(idSize).naming(naming);
    }

    @ParameterizedTest(name = "{0}, id size {1}, {2} names")
    @MethodSource("variants")
    void oneHeapDumpAndSegmentsGiveTheSameHistogram(dev.heapchain.hprof.testing.HprofVersion version,
                                                   int idSize, ClassNaming naming) {
        byte[] single = SampleDump.populate(builder(version, idSize, naming).singleHeapDump()).toBytes();
        byte[] segmented = SampleDump.populate(builder(version, idSize, naming).segments(7)).toBytes();
        byte[] shuffled = SampleDump.populate(builder(version, idSize, naming).segments(7).shuffled(42)).toBytes();
        assertEquals(1, count(single, HprofTag.HEAP_DUMP));
        assertEquals(7, count(segmented, HprofTag.HEAP_DUMP_SEGMENT));

        ClassHistogram a = Dumps.histogram(Dumps.write(dir, "single.hprof", single));
        ClassHistogram b = Dumps.histogram(Dumps.write(dir, "segments.hprof", segmented));
        ClassHistogram c = Dumps.histogram(Dumps.write(dir, "shuffled.hprof", shuffled));

        // Same records in the same order: everything, bytes included, must match.
        assertEquals(a.rows(), b.rows());
        assertEquals(a.sizeModel(), b.sizeModel());
        // Shuffling destroys the address adjacency the size model is inferred from (a tiny dump
        // then falls back to a default model), so only what the records say must match.
        assertEquals(countsOnly(a), countsOnly(c));
        assertEquals(version.formatName(), a.dump().format());
        assertEquals(idSize, a.dump().idSize());
        for (ClassHistogram h : List.of(a, b, c)) {
            assertTrue(h.dump().warnings().isEmpty(), () -> "warnings: " + h.dump().warnings());
        }

        Map<String, Long> counts = Dumps.instancesByClass(c);
        assertEquals(SampleDump.NODES, counts.get("com.example.Node"));
        assertEquals(SampleDump.STRING_INSTANCES, counts.get("java.lang.String"));
        assertEquals(SampleDump.STRING_INSTANCES, counts.get("byte[]"));
        assertEquals(1L, counts.get("java.lang.String[]"));
        assertEquals(1L, counts.get("int[][]"));
        assertEquals(2L, counts.get("int[]"));
        assertEquals(1L, counts.get("java.lang.Thread"));
        // No row may keep a JVM-internal spelling, whichever convention the dump used.
        for (String name : counts.keySet()) {
            assertTrue(!name.contains("/") && !name.startsWith("[") && !name.endsWith(";"), name);
        }
    }

    /** Rows without sizes, sorted by name: what the records alone determine. */
    private static List<String> countsOnly(ClassHistogram h) {
        return h.rows().stream().map(r -> r.className() + " " + r.classId() + " " + r.instances()).sorted().toList();
    }

    @ParameterizedTest(name = "{0}, id size {1}, {2} names")
    @MethodSource("variants")
    void recordCountsAreTheSameInEveryLayout(dev.heapchain.hprof.testing.HprofVersion version, int idSize,
                                            ClassNaming naming) {
        byte[] segmented = SampleDump.populate(builder(version, idSize, naming).segments(5).shuffled(7)).toBytes();
        HprofReadSummary s = Dumps.read(Dumps.write(dir, "d.hprof", segmented));
        HprofCounts c = s.counts();
        assertEquals(5, c.heapRecords());
        // Node x12, 6 strings, the thread: 19 instances; String[] and int[][]: 2; 6 byte[] + 2 int[].
        assertEquals(19, c.instanceDumps());
        assertEquals(2, c.objectArrayDumps());
        assertEquals(8, c.primitiveArrayDumps());
        assertEquals(1, c.roots(HprofRootKind.JAVA_FRAME));
        assertEquals(1, c.roots(HprofRootKind.JNI_GLOBAL));
        assertEquals(1, c.roots(HprofRootKind.STICKY_CLASS));
        assertEquals(1, c.roots(HprofRootKind.MONITOR_USED));
        assertEquals(1, c.roots(HprofRootKind.THREAD_OBJECT));
        assertEquals(1, s.dumpCount());
        assertEquals(s.header().idSize(), idSize);
    }

    private static long count(byte[] hprof, int tag) {
        return DumpDamage.records(hprof).stream().filter(r -> r.tag() == tag).count();
    }
}
