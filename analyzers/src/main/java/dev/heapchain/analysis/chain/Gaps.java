package dev.heapchain.analysis.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Epochs missing between a chain's oldest and newest snapshot. */
record Gaps(long missing, List<ChainReport.Gap> first) {
    private static final int SHOWN = 10;

    static Gaps of(int[] snapshots, Epochs epochs) {
        long[] e = new long[snapshots.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = epochs.epoch(snapshots[i]);
        }
        Arrays.sort(e);
        long missing = 0;
        List<ChainReport.Gap> gaps = new ArrayList<>();
        for (int i = 1; i < e.length; i++) {
            if (e[i] - e[i - 1] > 1) {
                missing += e[i] - e[i - 1] - 1;
                if (gaps.size() < SHOWN) {
                    gaps.add(new ChainReport.Gap(e[i - 1] + 1, e[i] - 1));
                }
            }
        }
        return new Gaps(missing, List.copyOf(gaps));
    }
}
