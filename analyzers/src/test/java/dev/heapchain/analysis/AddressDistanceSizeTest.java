package dev.heapchain.analysis;

import dev.heapchain.graph.ClassTableCollector;
import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapClassTable;
import dev.heapchain.graph.InstanceLayouts;
import dev.heapchain.hprof.HprofFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The size model on the corpus dumps that have no jmap histogram (JDK 5, 7, 8, 11), against the
 * sizes that the object addresses give ({@link AddressDistances}). No instance may be bigger than
 * the distance to the next object (objects never overlap), and for every class with at least two
 * instances the smallest distance must be the model's size. A class with one instance may sit
 * before dead space, so only the first rule applies to it. java.lang.Class is left out: the
 * primitive-type mirrors that HotSpot writes as instances carry fields HPROF does not list.
 */
class AddressDistanceSizeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "mat/sun_jdk5_64bit.hprof, hotspot-64/legacy",
            "mat/sun_jdk6_32bit.hprof, hotspot-32/legacy",
            "mat/oracle_jdk7_21_x64.hprof, hotspot-64-coops/legacy",
            "mat/oracle_jdk8_05_x64.hprof, hotspot-64-coops/legacy",
            "netbeans/heap_dump.bin, hotspot-64-coops/legacy",
            "mat/openjdk_jdk11_04_x64.hprof.gz, hotspot-64-coops/legacy"})
    void instanceSizesMatchAddressDistances(String name, String modelId) {
        HprofFile file = HprofFile.open(CorpusDir.require(name));
        ClassHistogram histogram = HistogramPass.run(file, 0);
        assertEquals(modelId, histogram.sizeModel().id(), histogram.sizeModel().basis());
        ClassTableCollector[] table = new ClassTableCollector[1];
        Map<Long, long[]> distances = AddressDistances.read(file, table);
        HeapClassTable classes = table[0].classTable();
        int[] sizes = InstanceLayouts.sizes(classes, histogram.sizeModel());
        List<String> failures = new ArrayList<>();
        int exact = 0;
        int bounded = 0;
        for (Map.Entry<Long, long[]> e : distances.entrySet()) {
            HeapClass c = classes.byId(e.getKey());
            if (c == null || c.name().equals("java.lang.Class")) {
                continue;
            }
            long size = sizes[c.index()];
            long smallest = e.getValue()[0];
            long count = e.getValue()[1];
            if (smallest < size || count >= 2 && smallest != size) {
                failures.add(c.name() + ": model " + size + " bytes, smallest distance " + smallest + " over " + count
                        + " instances");
            } else if (smallest == size) {
                exact++;
            } else {
                bounded++;
            }
        }
        System.out.printf("%s: %s; %d classes exact, %d single instances bounded%n", name, modelId, exact, bounded);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
