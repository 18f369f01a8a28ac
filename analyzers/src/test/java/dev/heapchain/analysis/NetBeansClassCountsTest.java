package dev.heapchain.analysis;

import dev.heapchain.hprof.HprofFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * heapchain's instance counts against NetBeans' heap library (the profiler behind VisualVM): the
 * same classes with instances, and the same count for each. The only systematic difference is
 * how hidden classes are named (see {@link NetBeansCounts}); otherwise both count the primitive-type mirrors that HotSpot writes as instances of java.lang.Class and
 * neither counts CLASS_DUMP records as instances; both count Android's app, zygote and image
 * heaps together.
 *
 * <p>Not compared: mat/sun_jdk6_31_hprofagent_compressedOops.hprof, which NetBeans rejects
 * ("Invalid dump tag 44": it stops at the HEAP_DUMP_END between the file's two dumps);
 * mat/java_pid1884.0001.hprof.gz, 522 MB inflated, too slow for a unit test; the broken/ files.
 */
class NetBeansClassCountsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mat/sun_jdk5_64bit.hprof", "mat/sun_jdk6_32bit.hprof", "mat/sun_jdk6_18_x32.hprof",
            "mat/sun_jdk6_18_x64.hprof", "mat/sun_jdk6_30_x64_compressedOops.hprof",
            "mat/sun_jdk6_30_x64_nocompressedOops.hprof", "mat/oracle_jdk7_21_x64.hprof", "mat/oracle_jdk8_05_x64.hprof",
            "mat/openjdk_jdk11_04_x64.hprof.gz", "netbeans/heap_dump.bin", "jhat/hprof.bin", "jhat/minimal.bin",
            "android/dialer.android-hprof"})
    void corpusCountsAgree(String name, @TempDir Path tmp) throws IOException {
        Path file = CorpusDir.require(name);
        if (name.endsWith(".gz")) {
            file = gunzip(file, tmp.resolve("inflated.hprof")); // NetBeans reads plain files only
        }
        compare(name, file);
    }

    @Test
    void selfDumpCountsAgree(@TempDir Path tmp) throws Exception {
        Path dump = tmp.resolve("self.hprof");
        SelfDump.write(dump);
        compare("self dump", dump);
    }

    private static void compare(String label, Path file) throws IOException {
        Map<String, Long> theirs = NetBeansCounts.of(file.toFile());
        Map<String, Long> ours = new TreeMap<>();
        ByName.of(HistogramPass.run(HprofFile.open(file), 0)).forEach((k, row) -> {
            if (row.instances() > 0) {
                ours.put(k, row.instances());
            }
        });
        Set<String> names = new TreeSet<>(theirs.keySet());
        names.addAll(ours.keySet());
        StringBuilder differences = new StringBuilder();
        for (String n : names) {
            if (!Objects.equals(theirs.get(n), ours.get(n))) {
                differences.append("\n  ").append(n).append(": NetBeans ").append(theirs.get(n)).append(", heapchain ")
                        .append(ours.get(n));
            }
        }
        System.out.printf("NetBeans vs heapchain, %s: %d classes with instances, %d differences%n", label,
                names.size(), differences.length() == 0 ? 0 : differences.toString().split("\n").length - 1);
        assertEquals("", differences.toString(), label);
    }

    private static Path gunzip(Path gz, Path target) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
            Files.copy(in, target);
        }
        return target;
    }
}
