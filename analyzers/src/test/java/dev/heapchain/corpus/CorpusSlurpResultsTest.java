package dev.heapchain.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.Dumps;
import dev.heapchain.hprof.HprofCounts;
import dev.heapchain.hprof.HprofReadSummary;
import dev.heapchain.hprof.HprofRootKind;
import dev.heapchain.hprof.HprofVisitor;
import dev.heapchain.hprof.ReadProbe;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every count hprof-slurp reports for jhat/hprof.bin and netbeans/heap_dump.bin, against ours.
 * Each summary label is either checked or listed in {@link #NOT_COUNTED} with the reason, so a
 * new line in the results cannot go unchecked silently.
 */
class CorpusSlurpResultsTest {
    /** hprof-agent records that the reader skips by length without counting them. */
    private static final Set<String> NOT_COUNTED = Set.of("Start threads", "Allocation sites", "End threads",
            "Control settings", "CPU samples", "Heap summaries", "Classes unloaded");

    /** Counts the top-level records ReadProbe does not. */
    private static final class Probe extends ReadProbe {
        long traces;
        long frames;

        @Override
        public void stackTrace(int serial, int threadSerial, long[] frameIds) {
            traces++;
        }

        @Override
        public void stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId,
                               int classSerial, int line) {
            frames++;
        }
    }

    private static Map<String, Function<Probe, Long>> mapping(HprofCounts c) {
        return Map.ofEntries(
                Map.entry("UTF-8 Strings", p -> c.utf8Records()),
                // hprof-slurp counts distinct class ids, not LOAD_CLASS records (531 in netbeans).
                Map.entry("Classes loaded", p -> (long) p.classNameIds.size()),
                Map.entry("Stack traces", p -> p.traces),
                Map.entry("Stack frames", p -> p.frames),
                Map.entry("GC root unknown", p -> c.roots(HprofRootKind.UNKNOWN)),
                Map.entry("GC root thread objects", p -> c.roots(HprofRootKind.THREAD_OBJECT)),
                Map.entry("GC root JNI global", p -> c.roots(HprofRootKind.JNI_GLOBAL)),
                Map.entry("GC root JNI local", p -> c.roots(HprofRootKind.JNI_LOCAL)),
                Map.entry("GC root Java frame", p -> c.roots(HprofRootKind.JAVA_FRAME)),
                Map.entry("GC root native stack", p -> c.roots(HprofRootKind.NATIVE_STACK)),
                Map.entry("GC root sticky class", p -> c.roots(HprofRootKind.STICKY_CLASS)),
                Map.entry("GC root thread block", p -> c.roots(HprofRootKind.THREAD_BLOCK)),
                Map.entry("GC root monitor used", p -> c.roots(HprofRootKind.MONITOR_USED)),
                Map.entry("GC primitive array dump", p -> c.primitiveArrayDumps()),
                Map.entry("GC object array dump", p -> c.objectArrayDumps()),
                Map.entry("GC class dump", p -> c.classDumps()),
                Map.entry("GC instance dump", p -> c.instanceDumps()));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"slurp-results/hprof-32-result.txt, jhat/hprof.bin", "slurp-results/hprof-64-result.txt, netbeans/heap_dump.bin"})
    void summaryCounts(String result, String dump) {
        SlurpResults expected = SlurpResults.read(Corpus.file(result));
        Probe probe = new Probe();
        HprofReadSummary s = Dumps.read(Corpus.file(dump), 0, (HprofVisitor) probe);
        Map<String, Function<Probe, Long>> ours = mapping(s.counts());
        assertTrue(expected.summary().size() >= 20, () -> "parsed too little of " + result + ": " + expected.summary());
        assertEquals(expected.heapDumps(), s.dumpCount());
        int checked = 0;
        for (Map.Entry<String, Long> e : expected.summary().entrySet()) {
            if (NOT_COUNTED.contains(e.getKey())) {
                continue;
            }
            Function<Probe, Long> f = ours.get(e.getKey());
            assertTrue(f != null, "unmapped hprof-slurp count: " + e.getKey());
            assertEquals(e.getValue(), f.apply(probe), e.getKey());
            checked++;
        }
        assertEquals(ours.size(), checked, "every mapped count appears in " + result);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"slurp-results/hprof-32-result.txt, jhat/hprof.bin", "slurp-results/hprof-64-result.txt, netbeans/heap_dump.bin"})
    void topClassInstanceCounts(String result, String dump) {
        SlurpResults expected = SlurpResults.read(Corpus.file(result));
        Path file = Corpus.file(dump);
        boolean agent = Dumps.read(file).header().idSize() == 4;
        Map<String, Long> ours = Dumps.instancesByClass(Dumps.histogram(file));
        assertEquals(20, expected.topClassInstances().size(), expected.topClassInstances()::toString);
        for (Map.Entry<String, Long> e : expected.topClassInstances().entrySet()) {
            String name = e.getKey();
            // hprof-slurp appends "[]" to object-array names the agent already wrote dotted with
            // "[]" (its java.lang.Object[][] is the agent's java.lang.Object[]): undo that once.
            if (agent && name.endsWith("[][]")) {
                name = name.substring(0, name.length() - 2);
            }
            assertEquals(e.getValue(), ours.get(name), name);
        }
    }
}
