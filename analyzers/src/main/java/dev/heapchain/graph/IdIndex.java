package dev.heapchain.graph;

import dev.heapchain.util.IntArray;
import dev.heapchain.util.LongArray;
import dev.heapchain.util.LongIntMap;

/**
 * Object id to dense index. Nodes 0..main-1 have ascending ids; a bucket table over their range
 * turns a lookup into a jump plus a search of a few entries, since heap addresses are spread
 * fairly evenly (about one byte per object). Those ids are stored as 32-bit offsets from the
 * smallest, in units of their common alignment, whenever the heap spans less than 2^32 such units
 * (32 GB of 8-byte aligned objects); otherwise as full longs. Nodes from main on ("extra") may
 * have any ids, found through a hash map: a HotSpot dump writes class objects before all other
 * objects, so they take the last node numbers and the rest keeps the dump's own address order.
 * All arrays are off the Java heap.
 */
public final class IdIndex {
    private final LongArray wide;
    private final IntArray narrow;
    private final int main;
    private final long min;
    private final long span;
    private final int alignShift;
    private final int bucketShift;
    private final IntArray bucketStart;
    private final long[] extraIds;
    private final LongIntMap extraNodes;

    /** @param sortedIds ascending (unsigned) and distinct; not kept */
    public IdIndex(long[] sortedIds) {
        this(copy(sortedIds), new long[0]);
    }

    private static LongArray copy(long[] ids) {
        LongArray a = LongArray.uninitialized(ids.length);
        for (int i = 0; i < ids.length; i++) {
            a.set(i, ids[i]);
        }
        return a;
    }

    /**
     * @param sortedIds ids of nodes 0..size-1, ascending (unsigned) and distinct; taken over (its
     *                  memory becomes the index's, converted in place, and it is left empty)
     * @param extraIds  ids of the nodes that follow, in node order, distinct from the sorted ones
     */
    public IdIndex(LongArray sortedIds, long[] extraIds) {
        this(sortedIds, extraIds, false, 0);
    }

    /**
     * @param bitsKnown  whether {@code offsetBits} is given (else a pass over the ids finds it)
     * @param offsetBits the OR of (id - first id) over the sorted ids: their common alignment
     */
    IdIndex(LongArray sortedIds, long[] extraIds, boolean bitsKnown, long offsetBits) {
        long count = sortedIds.size();
        if (count + extraIds.length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 objects in one dump: " + (count + extraIds.length));
        }
        int n = (int) count;
        this.main = n;
        this.min = n == 0 ? 0 : sortedIds.get(0);
        this.span = n == 0 ? 0 : sortedIds.get(n - 1) - min;
        long bits = offsetBits;
        if (!bitsKnown) {
            bits = 0;
            for (int i = 0; i < n; i++) {
                bits |= sortedIds.get(i) - min;
            }
        }
        int shift = bits == 0 ? 0 : Long.numberOfTrailingZeros(bits);
        this.alignShift = shift;
        int buckets = Integer.highestOneBit(Math.max(1, n / 4)) * 2;
        int s = 0;
        // Unsigned: ids are addresses, and a span past 2^63 (a hostile id) is negative as a long.
        while (s < 63 && Long.compareUnsigned(span >>> s, buckets) >= 0) {
            s++;
        }
        this.bucketShift = s;
        int used = (int) (span >>> s) + 1;
        this.bucketStart = IntArray.uninitialized(used + 1L);
        // One pass fills the buckets and, when the ids fit, narrows them to 32-bit offsets in
        // units of their alignment, written over the longs: int i lies inside long i / 2, read.
        boolean narrowable = Long.compareUnsigned(span >>> shift, 0xFFFF_FFFFL) <= 0;
        IntArray ints = narrowable ? IntArray.adopt(sortedIds) : null;
        int b = 0;
        for (int i = 0; i < n; i++) {
            long id = narrowable ? (ints.get(2L * i) & 0xFFFF_FFFFL) | ((long) ints.get(2L * i + 1) << 32)
                    : sortedIds.get(i);
            int bucket = (int) ((id - min) >>> s);
            while (b <= bucket) {
                bucketStart.set(b++, i);
            }
            if (narrowable) {
                ints.set(i, (int) ((id - min) >>> shift));
            }
        }
        while (b <= used) {
            bucketStart.set(b++, n);
        }
        if (narrowable) {
            ints.resize(n, false);
            ints.trim();
            narrow = ints;
            wide = null;
        } else {
            narrow = null;
            wide = LongArray.uninitialized(n);
            wide.copy(sortedIds, 0, 0, n);
            sortedIds.free();
        }
        this.extraIds = extraIds;
        this.extraNodes = new LongIntMap(Math.max(4, extraIds.length));
        for (int k = 0; k < extraIds.length; k++) {
            extraNodes.put(extraIds[k], n + k);
        }
    }

    /** Dense index of the id, or -1 when the dump holds no such object. */
    public int indexOf(long id) {
        int found = mainIndexOf(id);
        return found >= 0 || extraIds.length == 0 ? found : extraNodes.get(id);
    }

    private int mainIndexOf(long id) {
        long rel = id - min;
        if (main == 0 || Long.compareUnsigned(rel, span) > 0) {
            return -1;
        }
        int bucket = (int) (rel >>> bucketShift);
        int lo = bucketStart.get(bucket);
        int hi = bucketStart.get(bucket + 1) - 1;
        if (narrow != null) {
            if ((rel & ((1L << alignShift) - 1)) != 0) {
                return -1;
            }
            int key = (int) (rel >>> alignShift) ^ Integer.MIN_VALUE;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int v = narrow.get(mid) ^ Integer.MIN_VALUE;
                if (v == key) {
                    return mid;
                }
                if (v < key) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return -1;
        }
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = wide.get(mid);
            if (v == id) {
                return mid;
            }
            if (Long.compareUnsigned(v, id) < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    public long idAt(int index) {
        if (index >= main) {
            return extraIds[index - main];
        }
        return narrow != null ? min + ((narrow.get(index) & 0xFFFF_FFFFL) << alignShift) : wide.get(index);
    }

    /** The id column, in whichever form it has. */
    private dev.heapchain.util.NativeArray column() {
        return narrow != null ? narrow : wide;
    }

    /** Moves the arrays to temporary files until {@link #mapSpilled}; no lookups meanwhile. */
    void spill(java.nio.file.Path folder) {
        column().spill(folder);
        bucketStart.spill(folder);
    }

    /** Brings back what {@link #spill} moved out, memory-mapped (see NativeArray.mapSpilled). */
    void mapSpilled() {
        column().mapSpilled();
        bucketStart.mapSpilled();
    }

    /** Gives the memory back; no lookups after this. */
    void free() {
        column().free();
        bucketStart.free();
    }
}
