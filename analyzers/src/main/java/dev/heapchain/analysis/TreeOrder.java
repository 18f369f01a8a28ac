package dev.heapchain.analysis;

import dev.heapchain.util.IntArray;

/**
 * The dominator tree in preorder, by DFS number: where each number enters and leaves, so that a
 * subtree is one contiguous range and "is dominated by" is two comparisons. Built without child
 * lists: subtree sizes bottom-up (a dominator has a smaller DFS number than what it dominates),
 * then each child takes the next free slot of its dominator's range, top-down.
 *
 * <p>One native array of three parts: entry positions, exit positions (first the subtree sizes),
 * and numbers by position (first the next free slot of each range).
 */
final class TreeOrder {
    private final IntArray data;
    private final int count;

    private TreeOrder(IntArray data, int count) {
        this.data = data;
        this.count = count;
    }

    /**
     * @param idom  immediate dominator of each number 1..count-1 (number 0 is the virtual root)
     * @param donor an array whose memory to use (memory in use again costs no page faults), or null
     */
    static TreeOrder of(IntArray idom, int count, IntArray donor) {
        long c = count;
        IntArray d = donor != null ? IntArray.reuse(donor, 3 * c, false) : IntArray.uninitialized(3 * c);
        long size = c; // sizes, then exits
        long free = 2 * c; // next free slots, then numbers by position
        for (long n = 0; n < c; n++) {
            d.set(size + n, 1);
        }
        for (int n = count - 1; n >= 1; n--) {
            long at = size + idom.get(n);
            d.set(at, d.get(at) + d.get(size + n));
        }
        d.set(0, 0);
        d.set(free, 1);
        for (int n = 1; n < count; n++) {
            long dominatorFree = free + idom.get(n);
            int enter = d.get(dominatorFree);
            d.set(n, enter);
            d.set(dominatorFree, enter + d.get(size + n));
            d.set(free + n, enter + 1);
        }
        for (int n = 0; n < count; n++) {
            int enter = d.get(n);
            d.set(size + n, enter + d.get(size + n) - 1);
        }
        for (int n = 0; n < count; n++) {
            d.set(free + d.get(n), n);
        }
        return new TreeOrder(d, count);
    }

    /** Preorder position of a number. */
    int enter(int number) {
        return data.get(number);
    }

    /** Last position of a number's subtree. */
    int exit(int number) {
        return data.get((long) count + number);
    }

    /** The number at a position. */
    int numberAt(int position) {
        return data.get(2L * count + position);
    }

    /** Positions: the tree's size, the virtual root included. */
    int size() {
        return count;
    }
}
