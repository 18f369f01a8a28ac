package dev.heapchain.graph;

import dev.heapchain.util.IntArray;
import dev.heapchain.util.LongArray;
import dev.heapchain.util.LongList;
import dev.heapchain.util.Tasks;

import java.util.concurrent.CompletableFuture;

/**
 * The references the pass reads, as raw ids, in 4 bytes each where it can: an id is kept as its
 * distance from a base id (the first object's) in 8-byte units while that fits 32 bits, which
 * covers every object of a HotSpot heap under 32 GiB (objects are 8-byte aligned, and the heap is
 * written from its lowest address up). An id that does not fit (a dangling or damaged reference,
 * an object below the base) is kept aside with its position. Should many not fit, the list turns
 * to 8 bytes per id for good. Resolving turns the entries into node numbers in the same memory.
 */
final class RefList {
    /** Marks an entry whose id is kept aside; distances stop one short of it. */
    private static final int ASIDE = -1;
    private static final long MAX_UNITS = 0xFFFF_FFFEL;

    private long base;
    private boolean based;
    private IntArray packed = IntArray.growable(1 << 12);
    /** Non-null once the list holds full ids. */
    private LongArray wide;
    private final LongList asidePositions = new LongList();
    private final LongList asideIds = new LongList();

    /** The id distances are measured from; set before the first {@link #add}, or the first id added is used. */
    void base(long id) {
        if (!based) {
            base = id;
            based = true;
        }
    }

    void add(long id) {
        if (wide != null) {
            wide.add(id);
            return;
        }
        if (!based) {
            base(id);
        }
        long rel = id - base;
        if (rel >= 0 && (rel & 7) == 0 && (rel >>> 3) <= MAX_UNITS) {
            packed.add((int) (rel >>> 3));
            return;
        }
        asidePositions.add(packed.size());
        asideIds.add(id);
        packed.add(ASIDE);
        if (asideIds.size() > 4096 && asideIds.size() > packed.size() / 16) {
            widen();
        }
    }

    /** Full ids from here on: more than one in 16 did not fit. */
    private void widen() {
        long n = packed.size();
        LongArray w = LongArray.growable(Math.max(16, n + (n >> 1)));
        for (long i = 0, k = 0; i < n; i++) {
            int v = packed.get(i);
            if (v == ASIDE && k < asideIds.size() && asidePositions.get(k) == i) {
                w.add(asideIds.get(k++));
            } else {
                w.add(base + ((v & 0xFFFF_FFFFL) << 3));
            }
        }
        packed.free();
        packed = null;
        asidePositions.clear();
        asideIds.clear();
        wide = w;
    }

    long size() {
        return wide != null ? wide.size() : packed.size();
    }

    void free() {
        if (packed != null) {
            packed.free();
        }
        if (wide != null) {
            wide.free();
        }
    }

    /**
     * Replaces every entry by its node, or -1 when the dump lacks the object, 4 bytes each in this
     * list's memory (taken over: the list is left unusable), on two threads when {@code parallel}.
     * Answers the nodes; {@code missing[0]} receives the count of -1 entries.
     */
    IntArray resolve(IdIndex index, boolean parallel, long[] missing) {
        if (wide != null) {
            IntArray out = resolveWide(index, wide, parallel, missing);
            wide = null;
            return out;
        }
        IntArray out = packed;
        packed = null;
        long e = out.size();
        long half = !parallel || e < 1 << 16 ? e : e / 2;
        CompletableFuture<Long> upper = half < e ? Tasks.start(() -> resolvePacked(index, out, half, e))
                : CompletableFuture.completedFuture(0L);
        long lower;
        try {
            lower = resolvePacked(index, out, 0, half);
        } finally {
            upper.exceptionally(x -> 0L).join(); // it writes into the same memory: let it finish
        }
        missing[0] = lower + Tasks.join(upper);
        return out;
    }

    /** Entries [from, to): each becomes its node, in place. */
    private long resolvePacked(IdIndex index, IntArray entries, long from, long to) {
        long missing = 0;
        long k = firstAsideAtOrAfter(from);
        long nextAside = k < asidePositions.size() ? asidePositions.get(k) : Long.MAX_VALUE;
        for (long i = from; i < to; i++) {
            long id;
            if (i == nextAside) {
                id = asideIds.get(k++);
                nextAside = k < asidePositions.size() ? asidePositions.get(k) : Long.MAX_VALUE;
            } else {
                id = base + ((entries.get(i) & 0xFFFF_FFFFL) << 3);
            }
            int t = index.indexOf(id);
            if (t < 0) {
                missing++;
            }
            entries.set(i, t);
        }
        return missing;
    }

    private long firstAsideAtOrAfter(long position) {
        long lo = 0;
        long hi = asidePositions.size();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (asidePositions.get(mid) < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The 8-byte form: resolved and narrowed in the same memory. On two threads the lower half
     * writes each int into the long it has just read; the upper half writes each as the low half
     * of its own long, and moves down once both halves are done.
     */
    static IntArray resolveWide(IdIndex index, LongArray raw, boolean parallel, long[] missing) {
        long e = raw.size();
        IntArray ints = IntArray.adopt(raw); // long i is ints 2i (low half) and 2i + 1
        long half = !parallel || e < 1 << 16 ? e : e / 2;
        CompletableFuture<Long> upper = half < e ? Tasks.start(() -> resolveLongs(index, ints, half, e, false))
                : CompletableFuture.completedFuture(0L);
        long lower;
        try {
            lower = resolveLongs(index, ints, 0, half, true);
        } finally {
            upper.exceptionally(x -> 0L).join();
        }
        missing[0] = lower + Tasks.join(upper);
        for (long i = half; i < e; i++) {
            ints.set(i, ints.get(2 * i)); // i < 2i: never over an entry still to move
        }
        ints.resize(e, false);
        return ints;
    }

    /** Resolves longs [from, to); writes node i at int i ({@code narrow}, safe from the start) or at int 2i. */
    private static long resolveLongs(IdIndex index, IntArray ints, long from, long to, boolean narrow) {
        long missing = 0;
        for (long i = from; i < to; i++) {
            long id = (ints.get(2 * i) & 0xFFFF_FFFFL) | ((long) ints.get(2 * i + 1) << 32);
            int t = index.indexOf(id);
            if (t < 0) {
                missing++;
            }
            ints.set(narrow ? i : 2 * i, t);
        }
        return missing;
    }
}
