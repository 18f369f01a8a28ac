package dev.heapchain.util;

/** A long array off the Java heap with a long index (see {@link NativeMemory}); growable by {@link #add}. */
public final class LongArray extends NativeArray {
    private LongArray(long capacity, long size, boolean zero) {
        super(3, capacity, size, zero);
    }

    /** A zeroed array of this length. */
    public static LongArray zeroed(long length) {
        return new LongArray(length, length, true);
    }

    /** An array of this length whose entries are not initialized: set every one before reading it. */
    public static LongArray uninitialized(long length) {
        return new LongArray(length, length, false);
    }

    /** An empty array to {@link #add} to, with room for this many entries before it grows. */
    public static LongArray growable(long capacity) {
        return new LongArray(capacity, 0, false);
    }

    public long get(long i) {
        return NativeMemory.U.getLong(at(i));
    }

    public void set(long i, long value) {
        NativeMemory.U.putLong(atForWrite(i), value);
    }

    public void add(long value) {
        NativeMemory.U.putLong(at(grow()), value);
    }

    public void fill(long value) {
        for (long i = 0; i < size; i++) {
            NativeMemory.U.putLong(address + (i << 3), value);
        }
    }

    /** Copies entries of another array of the same type into this one. */
    public void copy(LongArray src, long from, long to, long count) {
        copyFrom(src, from, to, count);
    }
}
