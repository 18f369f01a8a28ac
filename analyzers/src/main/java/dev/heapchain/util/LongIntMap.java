package dev.heapchain.util;

/**
 * Open-addressing map from long keys to non-negative int values, without boxing. Used for class
 * ids and string ids; object ids use the graph's own index.
 */
public final class LongIntMap {
    private static final long EMPTY = 0L;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    /** Key 0 cannot live in the table (it marks empty slots), so it is kept aside. */
    private int zeroValue = -1;

    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    public LongIntMap() {
        this(16);
    }

    public int size() {
        return size + (zeroValue >= 0 ? 1 : 0);
    }

    /** The value, or -1 when absent. */
    public int get(long key) {
        if (key == EMPTY) {
            return zeroValue;
        }
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Stores a value (must be >= 0) and answers the previous one, or -1. */
    public int put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values must be >= 0");
        }
        if (key == EMPTY) {
            int old = zeroValue;
            zeroValue = value;
            return old;
        }
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                int old = values[i];
                values[i] = value;
                return old;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
