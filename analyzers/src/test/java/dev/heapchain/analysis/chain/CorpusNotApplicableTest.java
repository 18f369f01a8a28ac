package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.AnalysisOptions;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.analysis.ValuePolicy;
import dev.heapchain.corpus.Corpus;
import dev.heapchain.hprof.HprofFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dumps written by other JVMs and tools (the shared corpus) hold no Kafka snapshot classes: the
 * built-in profile does not apply, and the verdict says so instead of "no leak". Whatever
 * discovery lists there is printed, so a reader can judge it; none of them may be a JDK class.
 */
class CorpusNotApplicableTest {
    @ParameterizedTest
    @ValueSource(strings = {"mat/sun_jdk5_64bit.hprof", "mat/sun_jdk6_18_x32.hprof", "mat/sun_jdk6_18_x64.hprof",
            "mat/sun_jdk6_30_x64_compressedOops.hprof", "mat/sun_jdk6_30_x64_nocompressedOops.hprof",
            "mat/sun_jdk6_31_hprofagent_compressedOops.hprof", "mat/sun_jdk6_32bit.hprof", "mat/oracle_jdk7_21_x64.hprof",
            "mat/oracle_jdk8_05_x64.hprof", "android/dialer.android-hprof", "jhat/hprof.bin", "jhat/minimal.bin",
            "netbeans/heap_dump.bin"})
    void builtInProfileDoesNotApply(String file) {
        HeapAnalysis a = HeapAnalysis.run(HprofFile.open(Corpus.file(file)), AnalysisOptions.defaults().withCapture(Profile.builtIn("automq").captureClasses()));
        ChainReport r = ChainAnalysis.run(new PathRenderer(a, ValuePolicy.REDACTED), Profile.builtIn("automq"), 32);
        assertEquals(Verdicts.Outcome.NOT_APPLICABLE, r.verdict().outcome(), file);
        assertFalse(r.targetClassesPresent());
        assertTrue(r.chains().isEmpty() && r.groups().isEmpty() && r.verdict().reasons().isEmpty());
        for (ChainDiscovery.Candidate c : r.discovered()) {
            System.out.println(file + ": discovered " + c.className() + " (link " + c.linkField() + ", epoch " + c.epochField()
                    + ", longest chain " + c.longestChain() + ")");
            assertFalse(c.className().startsWith("java.") || c.className().startsWith("sun.") || c.className().startsWith("jdk."),
                    file + ": a platform class is no snapshot chain: " + c);
        }
    }
}
