package dev.heapchain.util;

import java.util.Arrays;

/** The char counterpart of {@link IntList}, for 2-byte edge labels. */
public final class CharList {
    private static final int PAGE_BITS = 20;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int FIRST_PAGE = 1 << 10;
    private char[][] pages = new char[4][];
    private long size;

    public void add(char value) {
        int p = (int) (size >>> PAGE_BITS);
        if (p == pages.length) {
            pages = Arrays.copyOf(pages, p * 2);
        }
        char[] page = pages[p];
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
    private static char[] grow(char[] page, int p) {
        if (page == null) {
            return new char[p == 0 ? FIRST_PAGE : PAGE];
        }
        return Arrays.copyOf(page, Math.min(PAGE, page.length * 2));
    }

    public char get(long i) {
        return pages[(int) (i >>> PAGE_BITS)][(int) i & (PAGE - 1)];
    }
}
