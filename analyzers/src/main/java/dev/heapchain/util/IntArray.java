package dev.heapchain.util;

/** A int array off the Java heap with a long index (see {@link NativeMemory}); growable by {@link #add}. */
public final class IntArray extends NativeArray {
    private IntArray(long capacity, long size, boolean zero) {
        super(2, capacity, size, zero);
    }

    private IntArray(NativeArray from) {
        super(2, from);
    }

    /**
     * The memory of a long array as an int array of twice the length, without copying: entry 2i
     * is the low half of long i on this (little-endian) platform. {@code from} is left empty.
     */
    public static IntArray adopt(LongArray from) {
        if (java.nio.ByteOrder.nativeOrder() != java.nio.ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalStateException("heapchain needs a little-endian platform");
        }
        return new IntArray(from);
    }

    /** A zeroed array of this length. */
    public static IntArray zeroed(long length) {
        return new IntArray(length, length, true);
    }

    /** An array of this length whose entries are not initialized: set every one before reading it. */
    public static IntArray uninitialized(long length) {
        return new IntArray(length, length, false);
    }

    /** An empty array to {@link #add} to, with room for this many entries before it grows. */
    public static IntArray growable(long capacity) {
        return new IntArray(capacity, 0, false);
    }

    public int get(long i) {
        return NativeMemory.U.getInt(at(i));
    }

    public void set(long i, int value) {
        NativeMemory.U.putInt(atForWrite(i), value);
    }

    public void add(int value) {
        NativeMemory.U.putInt(at(grow()), value);
    }

    public void fill(int value) {
        for (long i = 0; i < size; i++) {
            NativeMemory.U.putInt(address + (i << 2), value);
        }
    }

    /** Copies entries of another array of the same type into this one. */
    public void copy(IntArray src, long from, long to, long count) {
        copyFrom(src, from, to, count);
    }

    /**
     * An array of {@code length} entries in the memory of {@code donor}, which is left empty (see
     * NativeArray#moveMemoryTo): uninitialized, or zeroed.
     */
    public static IntArray reuse(IntArray donor, long length, boolean zero) {
        IntArray heir = new IntArray(0, 0, false);
        donor.moveMemoryTo(heir, zero ? 0 : length);
        if (zero) {
            heir.resize(length, true);
        }
        return heir;
    }

    /**
     * Writes the entries to a temporary file in {@code folder}, as {@link #spill} does, and answers an array of
     * {@code length} uninitialized entries in this array's memory, instead of freeing it; this one
     * waits empty for {@link #unspill}. Null when the entries were not spilled (nothing changed).
     */
    public IntArray spillInto(long length, java.nio.file.Path folder) {
        if (!spill(folder, SPILL_MIN, false)) {
            return null;
        }
        IntArray heir = new IntArray(0, 0, false);
        moveMemoryTo(heir, length);
        return heir;
    }
}
