package dev.heapchain.util;

/** A byte array off the Java heap with a long index (see {@link NativeMemory}); growable by {@link #add}. */
public final class ByteArray extends NativeArray {
    private ByteArray(long capacity, long size, boolean zero) {
        super(0, capacity, size, zero);
    }

    /** A zeroed array of this length. */
    public static ByteArray zeroed(long length) {
        return new ByteArray(length, length, true);
    }

    /** An array of this length whose entries are not initialized: set every one before reading it. */
    public static ByteArray uninitialized(long length) {
        return new ByteArray(length, length, false);
    }

    /** An empty array to {@link #add} to, with room for this many entries before it grows. */
    public static ByteArray growable(long capacity) {
        return new ByteArray(capacity, 0, false);
    }

    public byte get(long i) {
        return NativeMemory.U.getByte(at(i));
    }

    public void set(long i, byte value) {
        NativeMemory.U.putByte(atForWrite(i), value);
    }

    public void add(byte value) {
        NativeMemory.U.putByte(at(grow()), value);
    }

    public void fill(byte value) {
        for (long i = 0; i < size; i++) {
            NativeMemory.U.putByte(address + (i << 0), value);
        }
    }

    /** Copies entries of another array of the same type into this one. */
    public void copy(ByteArray src, long from, long to, long count) {
        copyFrom(src, from, to, count);
    }
}
