package dev.heapchain.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native arrays: growth, adoption, spilling to a file and mapping back, and the budget. */
class NativeArrayTest {
    @TempDir
    Path tmp;

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
    void spillsAndComesBackAsCopyOrMapping() throws IOException {
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
        assertTrue(a.spill(tmp, 0), "spilled to the temp folder");
        assertNothingIn(tmp, "a spill file has no name (it is unlinked as soon as it is open)");
        assertTrue(NativeMemory.used() <= before - 4L * n + 64, "memory given back");
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(0), "no reads while spilled");
        a.unspill();
        assertTrue(a.spill(tmp, 0));
        a.mapSpilled();
        for (int i = 0; i < n; i++) {
            assertEquals(b.get(i), a.get(i), "index " + i + ", seed " + seed);
        }
        assertThrows(IllegalStateException.class, () -> a.set(0, 1), "mapped arrays are read-only");
        assertFalse(a.spill(tmp, 0), "a mapped array is not spilled again");
        IntArray small = IntArray.zeroed(16);
        assertFalse(small.spill(tmp), "small arrays stay in memory");
        assertFalse(b.spill(tmp.resolve("missing"), 0), "no folder: the array stays in memory");
        assertEquals(n, b.size());
        a.free();
        b.free();
        small.free();
    }

    @Test
    void memoryMovesToTheNextArrayAndSpilledEntriesComeBackIntoAnother() {
        int n = 3_000_000; // 12 MB: above the spill minimum
        IntArray pre = IntArray.uninitialized(n);
        for (int i = 0; i < n; i++) {
            pre.set(i, i * 3 + 1);
        }
        long before = NativeMemory.used();
        IntArray label = pre.spillInto(n + 1L, tmp);
        assertTrue(label != null, "spilled");
        assertEquals(n + 1L, label.size());
        assertEquals(0, pre.size(), "the spilled array waits empty");
        assertTrue(NativeMemory.used() <= before + 64, "no new memory: the label array has the spilled one's");
        assertThrows(IndexOutOfBoundsException.class, () -> pre.get(0));
        for (int i = 0; i <= n; i++) {
            label.set(i, -i);
        }
        IntArray units = IntArray.reuse(label, n / 2, true);
        assertEquals(n / 2, units.size());
        assertEquals(0, units.get(0), "zeroed");
        assertEquals(0, units.get(n / 2 - 1), "zeroed");
        assertEquals(0, label.size(), "the donor is left empty");
        label.add(7); // and usable: it grows again
        assertEquals(7, label.get(0));
        IntArray spare = IntArray.uninitialized(n / 3); // smaller than pre: the heir grows
        IntArray grown = IntArray.reuse(spare, n, false);
        assertEquals(n, grown.size());
        grown.set(n - 1, 5);
        pre.unspill();
        assertEquals(n, pre.size());
        for (int i = 0; i < n; i += 1 + i / 10) {
            assertEquals(i * 3 + 1, pre.get(i), "index " + i);
        }
        assertEquals(3L * (n - 1) + 1, pre.get(n - 1));
        IntArray small = IntArray.zeroed(16);
        assertEquals(null, small.spillInto(16, tmp), "small arrays are not spilled");
        assertEquals(16, small.size(), "and keep their entries");
        for (IntArray a : new IntArray[] {pre, label, units, spare, grown, small}) {
            a.free();
        }
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
    void withNoOverflowFolderTheBudgetStopsAllocationWithAnOutOfMemoryError() {
        long old = NativeMemory.limit(NativeMemory.used() + (1 << 20));
        NativeMemory.overflowFolder(null);
        try {
            OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> LongArray.zeroed(1 << 20));
            assertTrue(e.getMessage().startsWith("native memory budget exhausted"), e.getMessage());
        } finally {
            NativeMemory.limit(old);
            NativeMemory.overflowFolder(ScratchFile.defaultFolder());
        }
    }

    @Test
    void pastTheBudgetArraysLiveInMappedFilesThatLeaveNothingBehind() throws IOException {
        assertTrue(FileMemory.AVAILABLE, "the tests run with --add-opens java.base/sun.nio.ch");
        long old = NativeMemory.limit(NativeMemory.used() + (1 << 20));
        NativeMemory.overflowFolder(tmp);
        long mappedBefore = NativeMemory.mapped();
        try {
            LongArray big = LongArray.zeroed(1 << 20); // 8 MB: past the budget
            assertEquals(mappedBefore + (8L << 20), NativeMemory.mapped());
            assertNothingIn(tmp, "the file has no name");
            for (int i = 0; i < 1 << 20; i += 4099) {
                assertEquals(0, big.get(i), "file memory starts zeroed");
                big.set(i, i * 31L);
            }
            IntArray grown = IntArray.growable(16);
            for (int i = 0; i < 3_000_000; i++) {
                grown.add(i ^ 0x5555); // grows from memory into a file, then from file to file
            }
            for (int i = 0; i < 3_000_000; i += 7919) {
                assertEquals(i ^ 0x5555, grown.get(i));
            }
            IntArray heir = IntArray.reuse(grown, 3_000_000, false);
            assertEquals(3 ^ 0x5555, heir.get(3), "the file's memory moves with its entries");
            grown.trim();
            for (int i = 0; i < 1 << 20; i += 4099) {
                assertEquals(i * 31L, big.get(i));
            }
            assertFalse(big.spill(tmp), "an array in a file is not spilled to another");
            big.free();
            heir.free();
            grown.free();
            assertEquals(mappedBefore, NativeMemory.mapped(), "the mappings are gone");
            assertTrue(NativeMemory.mappedPeak() >= 8L << 20);
            assertNothingIn(tmp, "nothing left");
        } finally {
            NativeMemory.limit(old);
            NativeMemory.overflowFolder(ScratchFile.defaultFolder());
        }
    }

    @Test
    void anArrayMovedToAFileKeepsItsEntriesAndGivesItsMemoryBack() throws IOException {
        NativeMemory.overflowFolder(tmp);
        try {
            IntArray a = IntArray.uninitialized(1 << 20);
            for (int i = 0; i < 1 << 20; i++) {
                a.set(i, i * 3);
            }
            long used = NativeMemory.used();
            long mapped = NativeMemory.mapped();
            assertTrue(a.moveToFile());
            assertTrue(a.inFile());
            assertEquals(used - (4L << 20), NativeMemory.used(), "its memory is given back");
            assertEquals(mapped + (4L << 20), NativeMemory.mapped());
            assertFalse(a.moveToFile(), "once");
            for (int i = 0; i < 1 << 20; i += 101) {
                assertEquals(i * 3, a.get(i));
            }
            a.set(5, -1);
            assertEquals(-1, a.get(5));
            assertNothingIn(tmp, "the file has no name");
            a.free();
            assertEquals(mapped, NativeMemory.mapped());
        } finally {
            NativeMemory.overflowFolder(ScratchFile.defaultFolder());
        }
    }

    @Test
    void aFileArrayCanBeLargerThanTwoGiB() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ScratchFile.room(tmp) > 4L << 30,
                "needs 4 GiB of room in the temp folder (the file is sparse: only a few pages are written)");
        long old = NativeMemory.limit(NativeMemory.used() + (1 << 20));
        NativeMemory.overflowFolder(tmp);
        try {
            long n = 3L << 27; // 3 GiB of longs
            LongArray a = LongArray.zeroed(n);
            a.set(0, 1);
            a.set(n / 2, 2);
            a.set(n - 1, 3);
            assertEquals(1, a.get(0));
            assertEquals(2, a.get(n / 2));
            assertEquals(3, a.get(n - 1));
            assertEquals(0, a.get(n - 2));
            a.free();
        } finally {
            NativeMemory.limit(old);
            NativeMemory.overflowFolder(ScratchFile.defaultFolder());
        }
    }

    private static void assertNothingIn(Path folder, String why) throws IOException {
        try (var files = Files.list(folder)) {
            assertEquals(java.util.List.of(), files.toList(), why);
        }
    }
}
