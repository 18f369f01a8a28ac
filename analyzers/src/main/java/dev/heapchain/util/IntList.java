package dev.heapchain.util;

import java.util.Arrays;

/**
 * A growable int sequence stored in fixed pages, so growth never copies what is stored and no
 * single array has to hold 2^31 entries. {@link #toArray()} compacts once at the end.
 */
public final class IntList {
    private static final int PAGE_BITS = 20;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int FIRST_PAGE = 1 << 10;
    private int[][] pages = new int[4][];
    private long size;

    public void add(int value) {
        int p = (int) (size >>> PAGE_BITS);
        if (p == pages.length) {
            pages = Arrays.copyOf(pages, p * 2);
        }
        int[] page = pages[p];
        int i = (int) size & (PAGE - 1);
        if (page == null || i == page.length) {
            page = pages[p] = grow(page, p);
        }
        page[i] = value;
        size++;
    }

    /**
     * The first page starts small and doubles up to a full page, so the many lists of a small
     * dump's graph do not each allocate and zero a full page (tests and fuzzing build thousands).
     */
    private static int[] grow(int[] page, int p) {
        if (page == null) {
            return new int[p == 0 ? FIRST_PAGE : PAGE];
        }
        return Arrays.copyOf(page, Math.min(PAGE, page.length * 2));
    }

    public int get(long i) {
        return pages[(int) (i >>> PAGE_BITS)][(int) i & (PAGE - 1)];
    }

    public long size() {
        return size;
    }

    /** One flat array; fails clearly past the Java array limit. */
    public int[] toArray() {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 entries: " + size);
        }
        int[] out = new int[(int) size];
        for (int p = 0, done = 0; done < size; p++) {
            int n = (int) Math.min(PAGE, size - done);
            System.arraycopy(pages[p], 0, out, done, n);
            done += n;
        }
        return out;
    }

    /** Drops the pages (after {@link #toArray()}), so their memory can go before the next phase. */
    public void clear() {
        pages = new int[4][];
        size = 0;
    }
}
