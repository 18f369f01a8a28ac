package dev.heapchain.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The native arrays: growth, adoption, spilling to a file and mapping back, and the budget. */
class NativeArrayTest {
    @Test
    void growsKeepsAndChecks() {
        IntArray a = IntArray.growable(2);
        for (int i = 0; i < 100_000; i++) {
            a.add(i * 7);
        }
        assertEquals(100_000, a.size());
        for (int i = 0; i < 100_000; i += 997) {
            assertEquals(i * 7, a.get(i));
        }
        assertTrue(NativeMemory.CHECKED, "tests run with -Dheapchain.checkedMemory=true");
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(100_000));
        a.free();
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(0), "a freed array fails on use");
    }

    @Test
    void adoptedLongsReadAsIntPairs() {
        LongArray longs = LongArray.uninitialized(3);
        longs.set(0, 5);
        longs.set(1, -1);
        longs.set(2, 0x1_0000_0002L);
        IntArray ints = IntArray.adopt(longs);
        assertEquals(6, ints.size());
        assertEquals(5, ints.get(0));
        assertEquals(-1, ints.get(2));
        assertEquals(2, ints.get(4));
        assertEquals(1, ints.get(5));
        assertEquals(0, longs.size(), "the long array is left empty");
        ints.free();
    }

    @Test
    void spillsAndComesBackAsCopyOrMapping() {
        long seed = 11;
        Random rnd = new Random(seed);
        int n = 300_000;
        IntArray a = IntArray.uninitialized(n);
        IntArray b = IntArray.uninitialized(n);
        for (int i = 0; i < n; i++) {
            int v = rnd.nextInt();
            a.set(i, v);
            b.set(i, v);
        }
        long before = NativeMemory.used();
        assertTrue(a.spill(0), "spilled to the temp folder");
        assertTrue(NativeMemory.used() <= before - 4L * n + 64, "memory given back");
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(0), "no reads while spilled");
        a.unspill();
        assertTrue(a.spill(0));
        a.mapSpilled();
        for (int i = 0; i < n; i++) {
            assertEquals(b.get(i), a.get(i), "index " + i + ", seed " + seed);
        }
        assertThrows(IllegalStateException.class, () -> a.set(0, 1), "mapped arrays are read-only");
        assertFalse(a.spill(0), "a mapped array is not spilled again");
        IntArray small = IntArray.zeroed(16);
        assertFalse(small.spill(), "small arrays stay in memory");
        a.free();
        b.free();
        small.free();
    }

    @Test
    void indexArraysWidenPastTheNarrowLimit() {
        IndexArray x = IndexArray.growable(4);
        x.add(1);
        x.add(IndexArray.NARROW_MAX);
        assertFalse(x.isWide());
        x.add(IndexArray.NARROW_MAX + 5);
        assertTrue(x.isWide());
        assertEquals(1, x.get(0));
        assertEquals(IndexArray.NARROW_MAX, x.get(1));
        assertEquals(IndexArray.NARROW_MAX + 5, x.get(2));
        x.free();
    }

    @Test
    void theBudgetStopsAllocationWithAnOutOfMemoryError() {
        long old = NativeMemory.limit(NativeMemory.used() + (1 << 20));
        try {
            OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> LongArray.zeroed(1 << 20));
            assertTrue(e.getMessage().startsWith("native memory budget exhausted"), e.getMessage());
        } finally {
            NativeMemory.limit(old);
        }
    }
}
