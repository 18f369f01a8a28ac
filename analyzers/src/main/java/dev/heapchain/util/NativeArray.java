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
        this.block = new NativeMemory.Block();
        NativeMemory.allocate(block, capacity << shift, zero);
        this.address = block.address;
        this.cleanable = NativeMemory.CLEANER.register(this, block);
        this.capacity = capacity;
        this.size = size;
    }

    /** Takes over the memory of {@code from}, which is left empty; the entries are reinterpreted. */
    protected NativeArray(int shift, NativeArray from) {
        this.shift = shift;
        this.block = new NativeMemory.Block();
        synchronized (from.block) {
            NativeMemory.transfer(from.block, block);
        }
        this.address = block.address;
        this.cleanable = NativeMemory.CLEANER.register(this, block);
        this.capacity = block.bytes >> shift;
        this.size = Math.min(capacity, (from.size << from.shift) >> shift);
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
        if (mapping != null) {
            throw new IllegalStateException("a mapped array cannot be resized");
        }
        synchronized (block) {
            NativeMemory.reallocate(block, newCapacity << shift);
            address = block.address;
        }
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

    private ScratchFile spillFile;
    private long spilledSize;

    /**
     * Moves the contents to a temporary file in {@code folder} and frees the memory, for a phase
     * that does not need them; {@link #unspill} brings them back. The array must not be read
     * meanwhile. The file follows {@link ScratchFile}'s rules: no name left behind, and no more
     * than the folder's room. Answers false, changing nothing, when it does not fit or cannot be
     * written (full disk, no such folder): a spill only lowers the memory peak, so the array just
     * stays where it is.
     */
    public final boolean spill(java.nio.file.Path folder) {
        return spill(folder, SPILL_MIN);
    }

    /** Arrays smaller than this stay in memory: a file would cost more than it saves. */
    static final long SPILL_MIN = 8L << 20;

    /** {@link #spill(java.nio.file.Path)} for arrays of at least {@code minBytes} (tests spill small ones). */
    final boolean spill(java.nio.file.Path folder, long minBytes) {
        return spill(folder, minBytes, true);
    }

    /** @param release whether to free the memory (else the caller hands it on, see {@link #moveMemoryTo}) */
    final boolean spill(java.nio.file.Path folder, long minBytes, boolean release) {
        if (spillFile != null || address == 0 || mapping != null || block.mapped || (size << shift) < minBytes) {
            // (an array in a mapped file is paged by the kernel already)
            return false;
        }
        long bytes = size << shift;
        if (bytes > ScratchFile.room(folder)) {
            return false;
        }
        ScratchFile file = null;
        try {
            file = ScratchFile.create(folder, ".spill");
            var ch = file.channel();
            byte[] chunk = new byte[(int) Math.min(1 << 20, Math.max(1, bytes))];
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(chunk);
            for (long done = 0; done < bytes; ) {
                int n = (int) Math.min(chunk.length, bytes - done);
                NativeMemory.U.copyMemory(null, address + done, chunk, sun.misc.Unsafe.ARRAY_BYTE_BASE_OFFSET, n);
                buffer.clear().limit(n);
                while (buffer.hasRemaining()) {
                    done += ch.write(buffer, done);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            if (file != null) {
                file.close(); // frees whatever part was written
            }
            return false;
        }
        spillFile = file;
        spilledSize = size;
        if (release) {
            resize(0);
            size = 0;
        }
        return true;
    }

    /**
     * Hands this array's memory to {@code heir} (same entry size; its own memory is freed), which
     * then has {@code length} entries: this array's first ones, the rest uninitialized, grown if
     * the memory is too small. This array is left empty but usable: it grows again on demand, and
     * a spill file it has stays for {@link #unspill}. Memory the kernel has already mapped costs no
     * page faults when it is used again (fresh memory costs ~0.4 s per GB here).
     */
    protected final void moveMemoryTo(NativeArray heir, long length) {
        if (heir == this || heir.shift != shift || mapping != null || heir.mapping != null
                || address == 0 && capacity > 0) {
            throw new IllegalArgumentException("cannot move this array's memory");
        }
        synchronized (block) {
            synchronized (heir.block) {
                NativeMemory.transfer(block, heir.block);
                heir.address = heir.block.address;
                heir.capacity = heir.block.bytes >> shift;
            }
        }
        address = 0;
        capacity = 0;
        size = 0;
        if (length > heir.capacity) {
            heir.resize(length); // exactly: no growth margin for an array of known length
        }
        heir.size = length;
    }

    /**
     * Moves the entries into a memory-mapped file (see {@link FileMemory}) and frees their memory,
     * for an array that the coming phases read little or in order while others need the budget:
     * its pages then come and go with the page cache. The array stays usable as before (not
     * resizable past its length without a move, like any file array). No other thread may use it
     * meanwhile. False, changing nothing, when it is in a file already, spilled, or no file can be
     * made.
     */
    public final boolean moveToFile() {
        if (block.mapped || address == 0 || mapping != null || spillFile != null) {
            return false;
        }
        long bytes = size << shift;
        NativeMemory.Block file = NativeMemory.inFile(bytes);
        if (file == null) {
            return false;
        }
        NativeMemory.U.copyMemory(address, file.address, bytes);
        synchronized (block) {
            NativeMemory.transfer(file, block);
            address = block.address;
        }
        capacity = size;
        return true;
    }

    /** Whether the entries live in a memory-mapped file rather than in memory. */
    public final boolean inFile() {
        return block.mapped;
    }

    /** The memory-mapped spill file that backs the entries after {@link #mapSpilled}; null otherwise. */
    private java.nio.MappedByteBuffer mapping;
    private static final long BUFFER_ADDRESS = bufferAddressOffset();

    private static long bufferAddressOffset() {
        try {
            return NativeMemory.U.objectFieldOffset(java.nio.Buffer.class.getDeclaredField("address"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Brings back what {@link #spill} wrote as a read-only memory mapping of the file, so only the
     * pages that are read come into memory (and the system may drop them again): for lookups that a
     * report makes a few of. Falls back to {@link #unspill} where mapping is not possible. The
     * entries must not be written afterwards.
     */
    public final void mapSpilled() {
        if (spillFile == null) {
            return;
        }
        long bytes = spilledSize << shift;
        if (bytes == 0 || bytes > Integer.MAX_VALUE || BUFFER_ADDRESS < 0) {
            unspill();
            return;
        }
        ScratchFile file = spillFile;
        try {
            java.nio.MappedByteBuffer m = file.channel().map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, bytes);
            long mapped = NativeMemory.U.getLong(m, BUFFER_ADDRESS);
            if (mapped == 0) {
                unspill();
                return;
            }
            mapping = m;
            address = mapped;
            size = spilledSize;
            spillFile = null;
        } catch (java.io.IOException | RuntimeException e) {
            unspill();
            return;
        }
        file.close(); // the mapping stays valid without the channel (and the file without a name)
    }

    /** Address of entry i for a write: as {@link #at}, and checked mode refuses mapped (read-only) arrays. */
    protected final long atForWrite(long i) {
        if (NativeMemory.CHECKED && mapping != null) {
            throw new IllegalStateException("write to a read-only mapped array");
        }
        return at(i);
    }

    /** Reads back what {@link #spill} wrote; does nothing when the array is not spilled. */
    public final void unspill() {
        if (spillFile == null) {
            return;
        }
        ScratchFile file = spillFile;
        resize(spilledSize);
        long bytes = spilledSize << shift;
        try {
            var ch = file.channel();
            byte[] chunk = new byte[(int) Math.min(1 << 20, Math.max(1, bytes))];
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(chunk);
            for (long done = 0; done < bytes; ) {
                int n = (int) Math.min(chunk.length, bytes - done);
                buffer.clear().limit(n);
                while (buffer.hasRemaining()) {
                    if (ch.read(buffer, done + buffer.position()) < 0) {
                        throw new java.io.EOFException("spill file in " + file.folder() + " ends early");
                    }
                }
                NativeMemory.U.copyMemory(chunk, sun.misc.Unsafe.ARRAY_BYTE_BASE_OFFSET, null, address + done, n);
                done += n;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read back a spill file in " + file.folder() + ": "
                    + e.getMessage(), e);
        } finally {
            file.close();
        }
        size = spilledSize;
        spillFile = null;
    }

    /** Frees the memory now; the array must not be used afterwards. Safe to call twice. */
    public final void free() {
        if (spillFile != null) {
            spillFile.close();
            spillFile = null;
        }
        cleanable.clean();
        mapping = null;
        address = 0;
        size = 0;
        capacity = 0;
    }

    @Override
    public final void close() {
        free();
    }
}
