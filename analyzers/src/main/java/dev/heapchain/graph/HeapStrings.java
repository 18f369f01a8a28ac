package dev.heapchain.graph;

import dev.heapchain.hprof.HprofInput;
import dev.heapchain.hprof.ModifiedUtf8;
import dev.heapchain.util.LongIntMap;

import java.util.Arrays;

/**
 * The dump's UTF8 records, kept as raw bytes in one growing arena (no object per string) and
 * decoded on demand. Names are needed after the pass that reads them, in any order.
 */
public final class HeapStrings {
    private final LongIntMap index = new LongIntMap(1024);
    private byte[] arena = new byte[1 << 16];
    private int[] starts = new int[1024];
    private int[] lengths = new int[1024];
    private int count;
    private int used;

    /** Stores the {@code length} bytes at the input's cursor under {@code id}; a duplicate id wins last. */
    public void add(long id, HprofInput in, int length) {
        if (used + length > arena.length) {
            long want = Math.max((long) arena.length * 2, (long) used + length);
            if (want > Integer.MAX_VALUE - 16) {
                return; // 2 GB of names is not a real dump; keep what fits
            }
            arena = Arrays.copyOf(arena, (int) want);
        }
        System.arraycopy(in.buffer(), in.bufferOffset(), arena, used, length);
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        starts[count] = used;
        lengths[count] = length;
        index.put(id, count++);
        used += length;
    }

    /** The decoded string, or null when the dump holds no string with that id. */
    public String get(long id) {
        int i = index.get(id);
        return i < 0 ? null : ModifiedUtf8.decode(arena, starts[i], lengths[i]);
    }
}
