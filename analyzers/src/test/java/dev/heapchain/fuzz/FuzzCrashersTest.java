package dev.heapchain.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.graph.IdIndex;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each crash the fuzzer found, as the smallest input that showed it. */
class FuzzCrashersTest {
    @TempDir
    Path dir;

    /**
     * Fuzz crash 1 (seed 8, 2,000 executions): a flipped top bit made one object id 2^63 above the
     * rest. IdIndex compared the id span as a signed long, sized its bucket table from a negative
     * span and indexed past it (ArrayIndexOutOfBoundsException building the graph).
     */
    @Test
    void objectIdsSpanningMoreThanTwoToThe63() throws IOException {
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass c = b.newClass("com.example.Far");
        long near = b.newInstance(c).id();
        long far = b.newInstance(c, near | Long.MIN_VALUE).id();
        b.rootUnknown(near).rootUnknown(far);
        Path p = Files.write(dir.resolve("far.hprof"), b.toBytes());
        assertTrue(FuzzTarget.run(p, dir).startsWith("ok"));

        IdIndex index = new IdIndex(new long[] {0x10, 0x20, 0x8000_0000_0000_0010L});
        assertEquals(0, index.indexOf(0x10));
        assertEquals(2, index.indexOf(0x8000_0000_0000_0010L));
        assertEquals(-1, index.indexOf(0x8000_0000_0000_0000L));
    }

    /**
     * Fuzz crash 2 (seed 8, default run): a class id above 2^63 is negative as a signed long, and
     * the size-model sampler, which stores arrays as negative type codes, took an instance of that
     * class for an array of code ~2^63 (ArrayIndexOutOfBoundsException scoring the models).
     */
    @Test
    void classIdAboveTwoToThe63() throws IOException {
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass c = b.newClass("com.example.HighClass", 0x8000_0000_0000_1000L);
        long first = b.newInstance(c, 0x7f00_0001_0000L).id();
        long second = b.newInstance(c, 0x7f00_0001_0010L).id();
        b.newInstance(c, 0x7f00_0001_0020L);
        b.rootUnknown(first).rootUnknown(second);
        Path p = Files.write(dir.resolve("high-class.hprof"), b.toBytes());
        assertTrue(FuzzTarget.run(p, dir).startsWith("ok"));
    }
}
