package dev.heapchain.util;

/**
 * What the typed native arrays share: a block of off-heap memory, a length and a capacity, growth
 * by reallocation (for large blocks the C library moves pages instead of copying them) and an
 * explicit {@link #free()}. Arrays that are never freed explicitly are freed after the collector
 * finds them unreachable.
 */
public abstract sealed class NativeArray implements AutoCloseable permits IntArray, LongArray, CharArray, ByteArray {
    private final int shift;
    private final NativeMemory.Block block;
    private final java.lang.ref.Cleaner.Cleanable cleanable;
    /** Base address; a plain field so hot loops read it once. 0 after free. */
    protected long address;
    /** Entries in use. */
    protected long size;
    private long capacity;

    protected NativeArray(int shift, long capacity, long size, boolean zero) {
        if (capacity < 0 || size < 0 || size > capacity || capacity > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("bad native array size " + size + "/" + capacity);
        }
        this.shift = shift;
        long bytes = capacity << shift;
        this.address = NativeMemory.allocate(bytes);
        if (zero && bytes > 0) {
            NativeMemory.U.setMemory(address, bytes, (byte) 0);
        }
        this.block = new NativeMemory.Block(address, bytes);
        this.cleanable = NativeMemory.CLEANER.register(this, block);
        this.capacity = capacity;
        this.size = size;
    }

    /** Takes over the memory of {@code from}, which is left empty; the entries are reinterpreted. */
    protected NativeArray(int shift, NativeArray from) {
        this.shift = shift;
        long bytes;
        synchronized (from.block) {
            bytes = from.block.bytes;
            this.address = from.block.address;
            from.block.address = 0;
            from.block.bytes = 0;
        }
        this.block = new NativeMemory.Block(address, bytes);
        this.cleanable = NativeMemory.CLEANER.register(this, block);
        this.capacity = bytes >> shift;
        this.size = (from.size << from.shift) >> shift;
        from.free();
    }

    public final long size() {
        return size;
    }

    /** Bytes held (the capacity, not just the used part). */
    public final long bytes() {
        return capacity << shift;
    }

    /** Address of entry i, checking the index when {@link NativeMemory#CHECKED}. */
    protected final long at(long i) {
        if (NativeMemory.CHECKED && (i < 0 || i >= size)) {
            throw new IndexOutOfBoundsException("index " + i + " of " + size + (address == 0 ? " (freed)" : ""));
        }
        return address + (i << shift);
    }

    /** Makes room for one more entry and answers its index. */
    protected final long grow() {
        if (size == capacity) {
            resize(Math.max(16, capacity + (capacity >> 1)));
        }
        return size++;
    }

    /** Capacity for at least this many entries. */
    public final void ensureCapacity(long entries) {
        if (entries > capacity) {
            resize(Math.max(entries, capacity + (capacity >> 1)));
        }
    }

    /** Sets the length; entries past the old length are zero. */
    public final void resize(long newSize, boolean zero) {
        ensureCapacity(newSize);
        if (zero && newSize > size) {
            NativeMemory.U.setMemory(address + (size << shift), (newSize - size) << shift, (byte) 0);
        }
        size = newSize;
    }

    /** Gives back the unused capacity. */
    public final void trim() {
        if (capacity > size) {
            resize(size);
        }
    }

    private void resize(long newCapacity) {
        if (address == 0 && capacity > 0) {
            throw new IllegalStateException("native array used after free");
        }
        long moved = NativeMemory.reallocate(address, capacity << shift, newCapacity << shift);
        synchronized (block) {
            block.address = moved;
            block.bytes = newCapacity << shift;
        }
        address = moved;
        capacity = newCapacity;
        if (size > capacity) {
            size = capacity;
        }
    }

    /** Copies {@code count} entries from {@code src} at {@code from} to this array at {@code to}. */
    protected final void copyFrom(NativeArray src, long from, long to, long count) {
        if (count <= 0) {
            return;
        }
        if (NativeMemory.CHECKED && (from < 0 || to < 0 || from + count > src.size || to + count > size)) {
            throw new IndexOutOfBoundsException("copy of " + count + " from " + from + "/" + src.size + " to " + to + "/" + size);
        }
        NativeMemory.U.copyMemory(src.address + (from << shift), address + (to << shift), count << shift);
    }

    /** Frees the memory now; the array must not be used afterwards. Safe to call twice. */
    public final void free() {
        cleanable.clean();
        address = 0;
        size = 0;
        capacity = 0;
    }

    @Override
    public final void close() {
        free();
    }
}
