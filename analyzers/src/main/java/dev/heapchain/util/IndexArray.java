package dev.heapchain.util;

/**
 * Edge offsets and other indices that usually fit in an int but need not: stored as 32-bit values
 * while every value fits, and widened to 64 bits (once, by copying) when a larger one arrives, so
 * a graph with more than 2^31 references pays for wide offsets and a smaller one does not.
 * Negative values down to {@code -NARROW_MAX - 1} stay narrow too.
 */
public final class IndexArray implements AutoCloseable {
    /**
     * The largest value stored narrow: {@link Integer#MAX_VALUE}, or less with
     * {@code -Dheapchain.narrowMax=N}, which tests use to run small graphs through the wide form.
     */
    public static final long NARROW_MAX = Math.min(Integer.MAX_VALUE,
            Math.max(1, Long.getLong("heapchain.narrowMax", Integer.MAX_VALUE)));

    private IntArray narrow;
    private LongArray wide;

    private IndexArray(IntArray narrow, LongArray wide) {
        this.narrow = narrow;
        this.wide = wide;
    }

    /** A zeroed array whose values will stay within +-maxMagnitude. */
    public static IndexArray zeroed(long length, long maxMagnitude) {
        return fits(maxMagnitude) && fits(-maxMagnitude - 1) ? new IndexArray(IntArray.zeroed(length), null)
                : new IndexArray(null, LongArray.zeroed(length));
    }

    /** Wraps an int array, which the index array now owns. */
    public static IndexArray wrap(IntArray narrow) {
        return new IndexArray(narrow, null);
    }

    /** An empty array to {@link #add} to; narrow until a value needs more. */
    public static IndexArray growable(long capacity) {
        return new IndexArray(IntArray.growable(capacity), null);
    }

    private static boolean fits(long v) {
        return v <= NARROW_MAX && v >= -NARROW_MAX - 1;
    }

    public boolean isWide() {
        return wide != null;
    }

    public long get(long i) {
        IntArray n = narrow;
        return n != null ? n.get(i) : wide.get(i);
    }

    public void set(long i, long value) {
        if (narrow != null) {
            if (fits(value)) {
                narrow.set(i, (int) value);
                return;
            }
            widen(narrow.size());
        }
        wide.set(i, value);
    }

    public void add(long value) {
        if (narrow != null) {
            if (fits(value)) {
                narrow.add((int) value);
                return;
            }
            widen(narrow.size() + 1);
        }
        wide.add(value);
    }

    private void widen(long capacity) {
        long size = narrow.size();
        LongArray w = LongArray.growable(capacity);
        for (long i = 0; i < size; i++) {
            w.add(narrow.get(i));
        }
        narrow.free();
        narrow = null;
        wide = w;
    }

    public void fill(long value) {
        if (narrow != null && !fits(value)) {
            widen(narrow.size());
        }
        if (narrow != null) {
            narrow.fill((int) value);
        } else {
            wide.fill(value);
        }
    }

    /** The values, in whichever form they have. */
    private NativeArray column() {
        return narrow != null ? narrow : wide;
    }

    public long size() {
        return column().size();
    }

    public void trim() {
        column().trim();
    }

    /** Moves the values to a temporary file in {@code folder} (see {@link NativeArray#spill}); no access until {@link #mapSpilled}. */
    public void spill(java.nio.file.Path folder) {
        column().spill(folder);
    }

    /** See {@link NativeArray#moveToFile}. */
    public boolean moveToFile() {
        return column().moveToFile();
    }

    /** Bytes held. */
    public long bytes() {
        return column().bytes();
    }

    /** Brings back what {@link #spill} moved out, read-only and memory-mapped. */
    public void mapSpilled() {
        column().mapSpilled();
    }

    public void free() {
        if (narrow != null) {
            narrow.free();
        }
        if (wide != null) {
            wide.free();
        }
    }

    @Override
    public void close() {
        free();
    }
}
