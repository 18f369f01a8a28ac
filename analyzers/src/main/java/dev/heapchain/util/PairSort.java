package dev.heapchain.util;

/**
 * Sorts a long[] of keys and carries an int[] of values along, without boxing: an LSD radix sort
 * over the bits that vary, which is linear and predictable for object ids (aligned addresses in a
 * bounded range).
 */
public final class PairSort {
    private PairSort() {
    }

    public static void sort(long[] keys, int[] values) {
        int n = keys.length;
        if (n < 2) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long k : keys) {
            min = Math.min(min, k ^ Long.MIN_VALUE);
            max = Math.max(max, k ^ Long.MIN_VALUE);
        }
        // Work on unsigned order: ids above 2^63 must sort after small ones.
        long span = max - min;
        int bits = 64 - Long.numberOfLeadingZeros(span);
        long[] k2 = new long[n];
        int[] v2 = new int[n];
        long[] srcK = keys;
        int[] srcV = values;
        long[] dstK = k2;
        int[] dstV = v2;
        int passes = 0;
        for (int shift = 0; shift < bits; shift += 11) {
            int[] count = new int[2049];
            for (int i = 0; i < n; i++) {
                count[(int) ((((srcK[i] ^ Long.MIN_VALUE) - min) >>> shift) & 2047) + 1]++;
            }
            for (int b = 0; b < 2048; b++) {
                count[b + 1] += count[b];
            }
            for (int i = 0; i < n; i++) {
                int b = (int) ((((srcK[i] ^ Long.MIN_VALUE) - min) >>> shift) & 2047);
                int at = count[b]++;
                dstK[at] = srcK[i];
                dstV[at] = srcV[i];
            }
            long[] tk = srcK;
            srcK = dstK;
            dstK = tk;
            int[] tv = srcV;
            srcV = dstV;
            dstV = tv;
            passes++;
        }
        if ((passes & 1) == 1) {
            System.arraycopy(srcK, 0, keys, 0, n);
            System.arraycopy(srcV, 0, values, 0, n);
        }
    }
}
