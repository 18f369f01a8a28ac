package dev.heapchain.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapchain.util.IntArray;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Raw references kept in 4 bytes where they fit, the rest aside or all in 8: every form resolves alike. */
class RefListTest {
    private static final long BASE = 0x7_0000_0000L;

    /** Ids of a heap of n 8-byte-aligned objects from BASE, in address order. */
    private static long[] heap(Random rnd, int n) {
        long[] ids = new long[n];
        long at = BASE;
        for (int i = 0; i < n; i++) {
            ids[i] = at;
            at += 8L * (2 + rnd.nextInt(20));
        }
        return ids;
    }

    /**
     * @param oddOneIn one reference in this many names no object: below the base, misaligned, or
     *                 far beyond 32 GiB of the base
     */
    private static void check(long seed, int refs, int oddOneIn, boolean parallel) {
        Random rnd = new Random(seed);
        long[] ids = heap(rnd, 200_000);
        IdIndex index = new IdIndex(ids);
        RefList list = new RefList();
        list.base(ids[0]);
        int[] expected = new int[refs];
        for (int i = 0; i < refs; i++) {
            long id;
            if (oddOneIn > 0 && rnd.nextInt(oddOneIn) == 0) {
                id = switch (rnd.nextInt(3)) {
                    case 0 -> BASE - 8L * (1 + rnd.nextInt(1000));
                    case 1 -> ids[rnd.nextInt(ids.length)] + 4;
                    default -> BASE + (40L << 30) + 8L * rnd.nextInt(1000);
                };
                expected[i] = -1;
            } else {
                int v = rnd.nextInt(ids.length);
                id = ids[v];
                expected[i] = v;
            }
            list.add(id);
        }
        assertEquals(refs, list.size());
        long[] missing = new long[1];
        IntArray nodes = list.resolve(index, parallel, missing);
        int[] actual = new int[refs];
        for (int i = 0; i < refs; i++) {
            actual[i] = nodes.get(i);
        }
        String where = "seed " + seed + ", one odd in " + oddOneIn + (parallel ? ", two threads" : "");
        assertEquals(Arrays.stream(expected).filter(t -> t < 0).count(), missing[0], where);
        assertEquals(Arrays.toString(expected), Arrays.toString(actual), where);
        nodes.free();
    }

    @Test
    void packedAsideAndWideResolveToTheSameNodes() {
        for (long seed = 1; seed <= 4; seed++) {
            check(seed, 300_000, 0, seed % 2 == 0); // all packed
            check(seed, 300_000, 1000, seed % 2 == 0); // a few aside
            check(seed, 300_000, 3, seed % 2 == 0); // a third odd: the list turns wide
        }
    }
}
