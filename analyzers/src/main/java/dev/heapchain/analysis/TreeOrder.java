package dev.heapchain.analysis;

import dev.heapchain.util.IntArray;

/**
 * The dominator tree in preorder, by DFS number: where each number enters and leaves, so that a
 * subtree is one contiguous range and "is dominated by" is two comparisons. Built without child
 * lists: subtree sizes bottom-up (a dominator has a smaller DFS number than what it dominates),
 * then each child takes the next free slot of its dominator's range, top-down.
 */
final class TreeOrder {
    /** Preorder position of each number. */
    final int[] enter;
    /** Last position of each number's subtree. */
    final int[] exit;
    /** Numbers by position. */
    final int[] byEnter;

    private TreeOrder(int[] enter, int[] exit, int[] byEnter) {
        this.enter = enter;
        this.exit = exit;
        this.byEnter = byEnter;
    }

    /** @param idom immediate dominator of each number 1..count-1 (number 0 is the virtual root) */
    static TreeOrder of(IntArray idom, int count) {
        int[] size = new int[count];
        for (int n = count - 1; n >= 1; n--) {
            size[n]++;
            size[idom.get(n)] += size[n];
        }
        size[0]++;
        int[] enter = new int[count];
        int[] nextFree = new int[count];
        nextFree[0] = 1;
        for (int n = 1; n < count; n++) {
            int d = idom.get(n);
            enter[n] = nextFree[d];
            nextFree[d] += size[n];
            nextFree[n] = enter[n] + 1;
        }
        nextFree = null;
        int[] exit = size; // reused: exit[n] = enter[n] + size[n] - 1
        int[] byEnter = new int[count];
        for (int n = 0; n < count; n++) {
            exit[n] = enter[n] + exit[n] - 1;
            byEnter[enter[n]] = n;
        }
        return new TreeOrder(enter, exit, byEnter);
    }
}
