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

    long bytes(int node) {
        char u = units.get(node);
        return (u == LARGE ? large.get(node) & 0xFFFF_FFFFL : u) << 3;
    }
}
