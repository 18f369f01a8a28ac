package dev.heapchain.analysis;

import java.util.Arrays;

/**
 * Graph node to a small index (non-negative ints both), open addressing on two int arrays: a
 * million entries would take ~80 MB as a HashMap of boxes, and an array over all graph nodes 4
 * bytes per heap object.
 */
final class NodeIndex {
    private int[] keys = new int[64];
    private int[] values = new int[64];
    private int count;

    NodeIndex() {
        Arrays.fill(keys, -1);
    }

    int get(int key) {
        int mask = keys.length - 1;
        for (int s = mix(key) & mask; ; s = (s + 1) & mask) {
            if (keys[s] == key) {
                return values[s];
            }
            if (keys[s] < 0) {
                return -1;
            }
        }
    }

    void put(int key, int value) {
        if (2 * (count + 1) > keys.length) {
            int[] oldKeys = keys;
            int[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            count = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] >= 0) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }
        int mask = keys.length - 1;
        int s = mix(key) & mask;
        while (keys[s] >= 0 && keys[s] != key) {
            s = (s + 1) & mask;
        }
        if (keys[s] < 0) {
            count++;
        }
        keys[s] = key;
        values[s] = value;
    }

    /** Graph nodes of one chain are often consecutive: spread them over the table. */
    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
