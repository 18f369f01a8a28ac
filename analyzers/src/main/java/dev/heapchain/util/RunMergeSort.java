package dev.heapchain.util;

/**
 * Sorts ids that arrive almost in order. Heap dumpers walk memory in address order, so a dump's
 * object ids form a few long ascending runs, with stragglers such as the class mirrors HotSpot
 * writes first. Long runs are merged as they are; elements of short runs are gathered, sorted on
 * their own and merged in as one more run. Falls back to {@link PairSort} when there are many long
 * runs (a merge over many would lose to radix).
 */
public final class RunMergeSort {
    static final int LONG_RUN = 4096;
    static final int MAX_LONG_RUNS = 8;

    private RunMergeSort() {
    }

    /** Sorts keys (unsigned) ascending, carrying values along. */
    public static void sort(long[] keys, int[] values) {
        int n = keys.length;
        int[] runStart = new int[MAX_LONG_RUNS + 1];
        int[] runEnd = new int[MAX_LONG_RUNS + 1];
        int longRuns = 0;
        int stragglers = 0;
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || Long.compareUnsigned(keys[i], keys[i - 1]) < 0) {
                if (i - start >= LONG_RUN) {
                    if (longRuns == MAX_LONG_RUNS) {
                        PairSort.sort(keys, values);
                        return;
                    }
                    runStart[longRuns] = start;
                    runEnd[longRuns] = i;
                    longRuns++;
                } else {
                    stragglers += i - start;
                }
                start = i;
            }
        }
        long[] sk = new long[stragglers];
        int[] sv = new int[stragglers];
        int w = 0;
        int r = 0;
        for (int i = 0; i < n; ) {
            if (r < longRuns && i == runStart[r]) {
                i = runEnd[r++];
                continue;
            }
            int next = r < longRuns ? runStart[r] : n;
            for (; i < next; i++) {
                sk[w] = keys[i];
                sv[w] = values[i];
                w++;
            }
        }
        PairSort.sort(sk, sv);
        runStart[longRuns] = 0;
        runEnd[longRuns] = stragglers;
        merge(keys, values, runStart, runEnd, longRuns, sk, sv);
    }

    /** k-way merge of the long runs (in keys/values) and the sorted stragglers (run index k). */
    private static void merge(long[] keys, int[] values, int[] runStart, int[] runEnd, int k, long[] sk, int[] sv) {
        int n = keys.length;
        long[] outK = new long[n];
        int[] outV = new int[n];
        int sources = k + 1;
        int[] pos = new int[sources];
        for (int s = 0; s < sources; s++) {
            pos[s] = runStart[s];
        }
        for (int o = 0; o < n; o++) {
            int best = -1;
            long bestKey = 0;
            for (int s = 0; s < sources; s++) {
                if (pos[s] < runEnd[s]) {
                    long key = s < k ? keys[pos[s]] : sk[pos[s]];
                    if (best < 0 || Long.compareUnsigned(key, bestKey) < 0) {
                        best = s;
                        bestKey = key;
                    }
                }
            }
            outK[o] = bestKey;
            outV[o] = best < k ? values[pos[best]] : sv[pos[best]];
            pos[best]++;
        }
        System.arraycopy(outK, 0, keys, 0, n);
        System.arraycopy(outV, 0, values, 0, n);
    }
}
