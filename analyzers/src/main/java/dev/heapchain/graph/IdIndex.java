package dev.heapchain.graph;

/**
 * Object id to dense index. Ids are sorted; a bucket table over their range turns a lookup into a
 * jump plus a search of a few entries, since heap addresses are spread fairly evenly. About one
 * byte per object on top of the ids.
 */
public final class IdIndex {
    private final long[] ids;
    private final long min;
    private final long span;
    private final int shift;
    private final int[] bucketStart;

    /** @param sortedIds ascending (unsigned) and distinct; kept, not copied */
    public IdIndex(long[] sortedIds) {
        this.ids = sortedIds;
        int n = sortedIds.length;
        this.min = n == 0 ? 0 : sortedIds[0];
        this.span = n == 0 ? 0 : sortedIds[n - 1] - min;
        int buckets = Integer.highestOneBit(Math.max(1, n / 4)) * 2;
        int s = 0;
        while (s < 63 && (span >>> s) >= buckets) {
            s++;
        }
        this.shift = s;
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
        if (ids.length == 0 || Long.compareUnsigned(rel, span) > 0) {
            return -1;
        }
        int bucket = (int) (rel >>> shift);
        int lo = bucketStart[bucket];
        int hi = bucketStart[bucket + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = ids[mid];
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
        return ids[index];
    }

    public int size() {
        return ids.length;
    }
}
