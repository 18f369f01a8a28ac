package dev.heapchain.util;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Both sorts against Arrays.sort: long runs with stragglers, many runs (radix fallback), unsigned keys. */
class RunMergeSortTest {
    @Test
    void sortsRunsWithStragglersAndCarriesValues() {
        for (long seed = 1; seed <= 40; seed++) {
            Random rnd = new Random(seed);
            int runs = 1 + rnd.nextInt(seed < 20 ? 4 : 40);
            int n = 0;
            long[] keys = new long[runs * 6000 + 500];
            for (int r = 0; r < runs; r++) {
                long k = rnd.nextLong() >>> 8;
                int len = rnd.nextBoolean() ? RunMergeSort.LONG_RUN + rnd.nextInt(2000) : rnd.nextInt(50);
                for (int i = 0; i < len; i++) {
                    k += 8 + rnd.nextInt(64);
                    keys[n++] = k;
                }
            }
            for (int i = 0; i < 300; i++) {
                keys[n++] = rnd.nextLong(); // stragglers, some above 2^63 (unsigned order)
            }
            keys = Arrays.copyOf(keys, n);
            check(keys, seed);
        }
    }

    private static void check(long[] keys, long seed) {
        int[] values = new int[keys.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        long[] original = keys.clone();
        long[] expected = keys.clone();
        for (int i = 0; i < expected.length; i++) {
            expected[i] ^= Long.MIN_VALUE;
        }
        Arrays.sort(expected);
        for (int i = 0; i < expected.length; i++) {
            expected[i] ^= Long.MIN_VALUE;
        }
        RunMergeSort.sort(keys, values);
        assertArrayEquals(expected, keys, "seed " + seed);
        for (int i = 0; i < keys.length; i++) {
            assertEquals(original[values[i]], keys[i], "seed " + seed + ": value carried with key " + i);
        }
    }
}
