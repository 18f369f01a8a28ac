package dev.heapchain.analysis;

import dev.heapchain.graph.FieldLayout;
import dev.heapchain.graph.SizeModel;
import dev.heapchain.hprof.HprofFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The size model against the truth: {@code jmap -histo} of the same JVMs (corpus MANIFEST.md,
 * "Shallow sizes"). Every class row is checked (see {@link JmapOracle}); the few that cannot match
 * are named below with the reason.
 */
class CorpusJmapSizeTest {
    /**
     * JDK 6's VM keeps internal object arrays (method, interface and field-name tables of classes)
     * in the permanent generation as "system objArrays", whose klass is made with int[] as a fake
     * element type (objArrayKlassKlass::allocate_system_objArray_klass), so jmap prints them as
     * {@code [[I}. The heap dumper leaves them out, and these programs make no int[][] of their
     * own: the dumps hold none.
     */
    private static final String SYSTEM_OBJ_ARRAYS = "JDK 6 system objArrays in the permanent generation, named [[I"
            + " by jmap, are not written by the heap dumper";
    /**
     * jmap -histo ran at another moment than the dump (its counts differ from the dump's for most
     * arrays): both 6u18 histograms list two Thread[] of length 5 (32 bytes on x32, 56 on x64),
     * while both dumps hold one of length 5 and two of length 9 (48 / 88 bytes). The same lengths
     * under two different models say that the arrays changed, not the sizes.
     */
    private static final String THREAD_ARRAYS = "thread arrays differ between the two moments: jmap saw two of length 5,"
            + " the dump one of length 5 and two of length 9, in both 6u18 dumps alike";
    /** Reflection caches (Class.getDeclaredMethods results, held softly) come and go. */
    private static final String METHOD_ARRAYS = "jmap saw two Method[] of length 37 (160 bytes each); the dump's seven"
            + " are at most 80 bytes: reflection caches, softly held, were rebuilt between the two moments";
    /** x32 only: jmap saw Field[] that no longer existed (or did not yet exist) when the dump was written. */
    private static final String FIELD_ARRAYS = "jmap counted 4 Field[] (a softly held reflection cache); the dump has none";

    static Stream<Arguments> dumps() {
        return Stream.of(
                Arguments.of("sun_jdk6_18_x32.hprof", "histogram_sun_jdk6_18_x32.txt", "hotspot-32/legacy",
                        Map.of("int[][]", SYSTEM_OBJ_ARRAYS, "java.lang.Thread[]", THREAD_ARRAYS,
                                "java.lang.reflect.Method[]", METHOD_ARRAYS, "java.lang.reflect.Field[]", FIELD_ARRAYS)),
                Arguments.of("sun_jdk6_18_x64.hprof", "histogram_sun_jdk6_18_x64.txt", "hotspot-64/legacy",
                        Map.of("int[][]", SYSTEM_OBJ_ARRAYS, "java.lang.Thread[]", THREAD_ARRAYS)),
                Arguments.of("sun_jdk6_30_x64_compressedOops.hprof", "sun_jdk6_30_x64_compressedOops.notes.txt",
                        "hotspot-64-coops/legacy", Map.of("int[][]", SYSTEM_OBJ_ARRAYS)),
                Arguments.of("sun_jdk6_30_x64_nocompressedOops.hprof", "sun_jdk6_30_x64_nocompressedOops.notes.txt",
                        "hotspot-64/legacy", Map.of("int[][]", SYSTEM_OBJ_ARRAYS)));
    }

    /** MANIFEST.md's table: String, HashMap and Object sizes, and what each model stands for. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "sun_jdk6_18_x32.hprof, 24, 40, 8, 4, 8, 8",
            "sun_jdk6_18_x64.hprof, 40, 64, 16, 8, 16, 8",
            "sun_jdk6_30_x64_compressedOops.hprof, 32, 48, 16, 4, 12, 8",
            "sun_jdk6_30_x64_nocompressedOops.hprof, 40, 64, 16, 8, 16, 8"})
    void manifestTable(String dumpName, long string, long hashMap, long object, int referenceSize, int headerSize,
                       int alignment) {
        ClassHistogram h = HistogramPass.run(HprofFile.open(CorpusDir.require("mat/" + dumpName)), 0);
        Map<String, JmapHisto.Row> rows = ByName.of(h);
        assertEquals(string, perInstance(rows.get("java.lang.String")), "String");
        assertEquals(hashMap, perInstance(rows.get("java.util.HashMap")), "HashMap");
        assertEquals(object, perInstance(rows.get("java.lang.Object")), "Object");
        SizeModel m = h.sizeModel();
        assertEquals(List.of(referenceSize, headerSize, alignment, FieldLayout.LEGACY),
                List.of(m.referenceSize(), m.headerSize(), m.alignment(), m.layout()), m.id());
        assertTrue(m.basis().startsWith("inferred: "), m.basis());
    }

    private static long perInstance(JmapHisto.Row row) {
        assertEquals(0, row.bytes() % row.instances(), row.toString());
        return row.bytes() / row.instances();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void everyJmapRowMatches(String dumpName, String histogramName, String modelId, Map<String, String> exceptions)
            throws Exception {
        Path dump = CorpusDir.require("mat/" + dumpName);
        JmapHisto jmap = JmapHisto.parse(Files.readString(CorpusDir.require("mat/" + histogramName)));
        HprofFile file = HprofFile.open(dump);
        ClassHistogram histogram = HistogramPass.run(file, 0);
        assertEquals(modelId, histogram.sizeModel().id(), histogram.sizeModel().basis());

        JmapOracle.Outcome outcome = JmapOracle.compare(jmap, histogram, DumpSizes.read(file, histogram.sizeModel()),
                exceptions);
        System.out.printf("%s: %s; %d rows exact, %d arrays bounded, %d skipped (VM-internal, Class), excused %s%n",
                dumpName, histogram.sizeModel().id(), outcome.exact(), outcome.bounded(), outcome.skipped(),
                outcome.excused());
        assertTrue(outcome.failures().isEmpty(), String.join("\n", outcome.failures()));
    }
}
