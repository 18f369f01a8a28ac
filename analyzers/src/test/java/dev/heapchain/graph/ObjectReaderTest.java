package dev.heapchain.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.Dumps;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a few objects from checkpoints gives exactly what a whole pass gives. */
class ObjectReaderTest {
    @TempDir
    Path dir;

    private static DumpBuilder dump(long seed, boolean shuffled) {
        Random rnd = new Random(seed);
        DumpBuilder b = DumpBuilder.hotspot().segments(3);
        if (shuffled) {
            b.shuffled(seed);
        }
        HeapClass holder = b.newClass("com.example.Holder").instanceField("text", BasicType.OBJECT)
                .instanceField("n", BasicType.LONG);
        for (int i = 0; i < 30_000; i++) {
            long s = b.string("value-" + i + "-" + rnd.nextInt(1_000_000));
            Object extra = rnd.nextBoolean() ? b.primitiveArray(new int[rnd.nextInt(20)]) : b.objectArray(s, 0, s);
            long h = b.newInstance(holder).set("text", s).set("n", (long) i * 31).id();
            b.rootUnknown(h);
            b.rootUnknown(extra instanceof Long id ? id : 0);
        }
        return b;
    }

    @Test
    void checkpointReadsMatchAWholePass() {
        long seed = 42L;
        Path file = Dumps.write(dir, "c.hprof", dump(seed, false).toBytes());
        HeapGraph g = new HeapGraphBuilder(HprofFile.open(file), 0).build();
        Checkpoints cp = g.checkpoints();
        assertNotNull(cp, "a dump written in address order is built in one pass");
        assertTrue(cp.count() >= 3 + g.nodeCount() / 4096 - 1, "one per 4,096 objects and per segment: " + cp.count());
        Random rnd = new Random(seed);
        int[] nodes = new int[200];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = rnd.nextInt(g.nodeCount());
        }
        nodes[0] = 0;
        nodes[1] = g.nodeCount() - 1; // a class object: no record to read
        Map<Integer, ObjectData> byCheckpoints = ObjectReader.read(g, nodes);
        Map<Integer, ObjectData> whole = ObjectReader.readWholePass(g, nodes);
        assertEquals(whole.keySet(), byCheckpoints.keySet(), "seed " + seed);
        assertTrue(whole.size() > 150, "most picks are instances or arrays: " + whole.size());
        for (var e : whole.entrySet()) {
            ObjectData a = e.getValue();
            ObjectData b = byCheckpoints.get(e.getKey());
            assertArrayEquals(a.bytes(), b.bytes(), "node " + e.getKey() + ", seed " + seed);
            assertEquals(a.elementType(), b.elementType());
            assertEquals(a.length(), b.length());
        }
    }

    @Test
    void shuffledDumpsHaveNoCheckpointsAndStillRead() {
        Path file = Dumps.write(dir, "s.hprof", dump(7L, true).toBytes());
        HeapGraph g = new HeapGraphBuilder(HprofFile.open(file), 0).build();
        assertNull(g.checkpoints(), "out of order: built in two passes");
        int[] nodes = {1, 100, 1000, g.nodeCount() / 2};
        assertEquals(ObjectReader.readWholePass(g, nodes).keySet(), ObjectReader.read(g, nodes).keySet());
    }
}
