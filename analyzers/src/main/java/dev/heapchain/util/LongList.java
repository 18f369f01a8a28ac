package dev.heapchain.util;

import java.util.Arrays;

/** The long counterpart of {@link IntList}: paged growth, one compaction at the end. */
public final class LongList {
    private static final int PAGE_BITS = 20;
    private static final int PAGE = 1 << PAGE_BITS;
    private long[][] pages = new long[4][];
    private long size;

    public void add(long value) {
        int p = (int) (size >>> PAGE_BITS);
        if (p == pages.length) {
            pages = Arrays.copyOf(pages, p * 2);
        }
        long[] page = pages[p];
        if (page == null) {
            page = pages[p] = new long[PAGE];
        }
        page[(int) size & (PAGE - 1)] = value;
        size++;
    }

    public long get(long i) {
        return pages[(int) (i >>> PAGE_BITS)][(int) i & (PAGE - 1)];
    }

    public long size() {
        return size;
    }

    public long[] toArray() {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 entries: " + size);
        }
        long[] out = new long[(int) size];
        for (int p = 0, done = 0; done < size; p++) {
            int n = (int) Math.min(PAGE, size - done);
            System.arraycopy(pages[p], 0, out, done, n);
            done += n;
        }
        return out;
    }

    public void clear() {
        pages = new long[4][];
        size = 0;
    }
}
