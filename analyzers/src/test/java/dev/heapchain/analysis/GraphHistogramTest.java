package dev.heapchain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.Dumps;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The histogram from the built graph must equal the streaming pass's, row for row. */
class GraphHistogramTest {
    @TempDir
    Path dir;

    @Test
    void matchesHistogramPass() {
        long seed = 20261129L;
        Random rnd = new Random(seed);
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass node = b.newClass("com.example.Node").instanceField("next", BasicType.OBJECT)
                .instanceField("payload", BasicType.OBJECT).instanceField("n", BasicType.INT);
        HeapClass small = b.newClass("com.example.Small").instanceField("b", BasicType.BYTE);
        HeapInstance prev = null;
        for (int i = 0; i < 300; i++) {
            Object payload = switch (rnd.nextInt(4)) {
                case 0 -> b.primitiveArray(new byte[rnd.nextInt(40)]);
                case 1 -> b.primitiveArray(new long[rnd.nextInt(9)]);
                case 2 -> b.string("s" + rnd.nextInt(1000));
                default -> b.objectArray(b.newInstance(small).id(), 0);
            };
            prev = b.newInstance(node).set("next", prev).set("payload", payload).set("n", i);
        }
        b.newInstance(small); // unreachable: histograms count every object, like jmap -histo
        b.rootUnknown(prev.id());
        Path file = Dumps.write(dir, "h.hprof", b.toBytes());

        ClassHistogram streamed = HistogramPass.run(HprofFile.open(file), 0);
        HeapAnalysis a = HeapAnalysis.run(HprofFile.open(file), AnalysisOptions.defaults());
        ClassHistogram fromGraph = GraphHistogram.of(a, EngineSummary.of(a).dump());

        assertTrue(streamed.rows().size() > 5, "seed " + seed);
        assertEquals(streamed.rows(), fromGraph.rows(), "seed " + seed);
        assertEquals(streamed.totalInstances(), fromGraph.totalInstances());
        assertEquals(streamed.totalShallowBytes(), fromGraph.totalShallowBytes());
        assertEquals(streamed.classObjects(), fromGraph.classObjects());
    }
}
