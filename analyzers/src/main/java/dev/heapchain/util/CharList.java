package dev.heapchain.util;

import java.util.Arrays;

/** The char counterpart of {@link IntList}, for 2-byte edge labels. */
public final class CharList {
    private static final int PAGE_BITS = 20;
    private static final int PAGE = 1 << PAGE_BITS;
    private char[][] pages = new char[4][];
    private long size;

    public void add(char value) {
        int p = (int) (size >>> PAGE_BITS);
        if (p == pages.length) {
            pages = Arrays.copyOf(pages, p * 2);
        }
        char[] page = pages[p];
        if (page == null) {
            page = pages[p] = new char[PAGE];
        }
        page[(int) size & (PAGE - 1)] = value;
        size++;
    }

    public char get(long i) {
        return pages[(int) (i >>> PAGE_BITS)][(int) i & (PAGE - 1)];
    }

    public long size() {
        return size;
    }

    public char[] toArray() {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 entries: " + size);
        }
        char[] out = new char[(int) size];
        for (int p = 0, done = 0; done < size; p++) {
            int n = (int) Math.min(PAGE, size - done);
            System.arraycopy(pages[p], 0, out, done, n);
            done += n;
        }
        return out;
    }
}
