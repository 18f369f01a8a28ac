package dev.heapchain.graph;

import dev.heapchain.util.CharArray;
import dev.heapchain.util.LongIntMap;

/**
 * Shallow sizes in 8-byte units, 2 bytes per object off the heap: objects of 512 KB or more (a
 * few large arrays) keep their size in a side map instead.
 */
final class SizeColumn {
    private static final char LARGE = 0xFFFF;
    private final CharArray units;
    private final LongIntMap large = new LongIntMap(16);

    SizeColumn(long objects) {
        units = CharArray.uninitialized(objects);
    }

    void set(long node, int sizeUnits) {
        if (sizeUnits >= LARGE) {
            units.set(node, LARGE);
            large.put(node, sizeUnits);
        } else {
            units.set(node, (char) sizeUnits);
        }
    }

    private long totalUnits = -1;

    /** The sum of all entries, when the builder added them up as it set them. */
    void totalUnits(long units) {
        totalUnits = units;
    }

    /** The sum of the first {@code nodes} entries in 8-byte units (added up on first use unless known). */
    long totalUnits(int nodes) {
        if (totalUnits < 0) {
            long sum = 0;
            for (int v = 0; v < nodes; v++) {
                sum += bytes(v) >>> 3;
            }
            totalUnits = sum;
        }
        return totalUnits;
    }

    /** The column's memory, for {@link HeapGraph#makeRoom}. */
    dev.heapchain.util.NativeArray column() {
        return units;
    }

    long bytes(int node) {
        char u = units.get(node);
        return (u == LARGE ? large.get(node) & 0xFFFF_FFFFL : u) << 3;
    }
}
