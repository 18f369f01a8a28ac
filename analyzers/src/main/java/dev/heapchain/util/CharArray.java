package dev.heapchain.util;

/** A char array off the Java heap with a long index (see {@link NativeMemory}); growable by {@link #add}. */
public final class CharArray extends NativeArray {
    private CharArray(long capacity, long size, boolean zero) {
        super(1, capacity, size, zero);
    }

    /** An array of this length whose entries are not initialized: set every one before reading it. */
    public static CharArray uninitialized(long length) {
        return new CharArray(length, length, false);
    }

    /** An empty array to {@link #add} to, with room for this many entries before it grows. */
    public static CharArray growable(long capacity) {
        return new CharArray(capacity, 0, false);
    }

    public char get(long i) {
        return NativeMemory.U.getChar(at(i));
    }

    public void set(long i, char value) {
        NativeMemory.U.putChar(atForWrite(i), value);
    }

    public void add(char value) {
        NativeMemory.U.putChar(at(grow()), value);
    }

    /** Copies entries of another array of the same type into this one. */
    public void copy(CharArray src, long from, long to, long count) {
        copyFrom(src, from, to, count);
    }
}
