package dev.heapchain.graph;

/**
 * Object id to dense index. Ids are sorted; a bucket table over their range turns a lookup into a
 * jump plus a search of a few entries, since heap addresses are spread fairly evenly (about one
 * byte per object). Ids are stored as 32-bit offsets from the smallest, in units of their common
 * alignment, whenever the heap spans less than 2^32 such units (32 GB of 8-byte aligned objects),
 * which halves the largest per-object array; otherwise as full longs.
 */
public final class IdIndex {
    private final long[] wide;
    private final int[] narrow;
    private final int size;
    private final long min;
    private final long span;
    private final int alignShift;
    private final int bucketShift;
    private final int[] bucketStart;

    /** @param sortedIds ascending (unsigned) and distinct; not kept */
    public IdIndex(long[] sortedIds) {
        int n = sortedIds.length;
        this.size = n;
        this.min = n == 0 ? 0 : sortedIds[0];
        this.span = n == 0 ? 0 : sortedIds[n - 1] - min;
        long bits = 0;
        for (long id : sortedIds) {
            bits |= id - min;
        }
        int shift = bits == 0 ? 0 : Long.numberOfTrailingZeros(bits);
        this.alignShift = shift;
        if (Long.compareUnsigned(span >>> shift, 0xFFFF_FFFFL) <= 0) {
            narrow = new int[n];
            for (int i = 0; i < n; i++) {
                narrow[i] = (int) ((sortedIds[i] - min) >>> shift);
            }
            wide = null;
        } else {
            narrow = null;
            wide = sortedIds.clone();
        }
        int buckets = Integer.highestOneBit(Math.max(1, n / 4)) * 2;
        int s = 0;
        // Unsigned: ids are addresses, and a span past 2^63 (a hostile id) is negative as a long.
        while (s < 63 && Long.compareUnsigned(span >>> s, buckets) >= 0) {
            s++;
        }
        this.bucketShift = s;
        int used = (int) (span >>> s) + 1;
        this.bucketStart = new int[used + 1];
        int b = 0;
        for (int i = 0; i < n; i++) {
            int bucket = (int) ((sortedIds[i] - min) >>> s);
            while (b <= bucket) {
                bucketStart[b++] = i;
            }
        }
        while (b <= used) {
            bucketStart[b++] = n;
        }
    }

    /** Dense index of the id, or -1 when the dump holds no such object. */
    public int indexOf(long id) {
        long rel = id - min;
        if (size == 0 || Long.compareUnsigned(rel, span) > 0) {
            return -1;
        }
        int bucket = (int) (rel >>> bucketShift);
        int lo = bucketStart[bucket];
        int hi = bucketStart[bucket + 1] - 1;
        if (narrow != null) {
            if ((rel & ((1L << alignShift) - 1)) != 0) {
                return -1;
            }
            int key = (int) (rel >>> alignShift) ^ Integer.MIN_VALUE;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int v = narrow[mid] ^ Integer.MIN_VALUE;
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
            long v = wide[mid];
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
        return narrow != null ? min + ((narrow[index] & 0xFFFF_FFFFL) << alignShift) : wide[index];
    }

    public int size() {
        return size;
    }
}
