package dev.heapchain.util;

import java.lang.ref.Cleaner;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory outside the Java heap for the engine's per-object and per-edge arrays. Off the heap, an
 * array costs exactly its bytes: no collector copies it, no garbage waits for a collection, and
 * freeing it gives the pages back at once, so the process's peak RSS is the peak of what is live.
 * Arrays index with {@code long}, so none is limited to 2^31 entries.
 *
 * <p>All allocation is counted against a budget ({@code -Dheapchain.nativeMemory=SIZE}; by default
 * three quarters of physical memory or the memory available when the run starts, whichever is
 * less, less the Java heap's maximum). Past it, allocation first lets the collector free arrays
 * nobody holds, then puts the array in a memory-mapped file in the {@linkplain #overflowFolder
 * overflow folder} (the CLI's --tmp; see {@link FileMemory}), which the kernel pages to disk as
 * memory requires: slower, but the run finishes. Only when no file can be made (no room, or a JDK
 * without the mapping call) does it fail, with {@link Exhausted}, which the CLI turns into one line.
 *
 * <p>Accesses are unchecked for speed. With {@code -Dheapchain.checkedMemory=true} (the test
 * suite's setting) every access is bounds-checked and a freed array fails on use.
 */
public final class NativeMemory {
    static final sun.misc.Unsafe U = unsafe();
    /** Bounds checks on every access; a static final, so the JIT removes them when off. */
    public static final boolean CHECKED = Boolean.getBoolean("heapchain.checkedMemory");
    static final Cleaner CLEANER = Cleaner.create();

    private static final AtomicLong USED = new AtomicLong();
    private static final AtomicLong PEAK = new AtomicLong();
    private static volatile long limit = defaultLimit();

    private NativeMemory() {
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static long defaultLimit() {
        String set = System.getProperty("heapchain.nativeMemory");
        if (set != null && !set.isBlank()) {
            return parseSize(set.trim());
        }
        long memory = Math.min(physicalMemory() / 4 * 3, availableMemory());
        long heap = Runtime.getRuntime().maxMemory();
        return Math.max(256L << 20, memory - (heap == Long.MAX_VALUE ? 0 : heap));
    }

    private static long physicalMemory() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return 8L << 30;
    }

    /** MemAvailable from /proc/meminfo (free memory plus what the kernel can reclaim); Long.MAX_VALUE elsewhere. */
    private static long availableMemory() {
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemAvailable:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) << 10)
                    .findFirst().orElse(Long.MAX_VALUE);
        } catch (java.io.IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Sizes as on the java command line: 512m, 12g, 1048576. */
    static long parseSize(String s) {
        char unit = Character.toLowerCase(s.charAt(s.length() - 1));
        long mult = switch (unit) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1;
        };
        String digits = mult == 1 ? s : s.substring(0, s.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(digits), mult);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("heapchain.nativeMemory: not a size: " + s);
        }
    }

    /** The budget in bytes. */
    public static long limit() {
        return limit;
    }

    /** Sets the budget (tests, and the CLI's option); answers the previous one. */
    public static long limit(long bytes) {
        long old = limit;
        limit = bytes;
        return old;
    }

    /** Bytes allocated now. */
    public static long used() {
        return USED.get();
    }

    /** The most bytes allocated at once since start. */
    public static long peak() {
        return PEAK.get();
    }

    /** Where arrays go past the budget: memory-mapped files in this folder; null for none (fail instead). */
    private static volatile java.nio.file.Path overflowFolder = ScratchFile.defaultFolder();
    private static final AtomicLong MAPPED = new AtomicLong();
    private static final AtomicLong MAPPED_PEAK = new AtomicLong();
    private static volatile long lastCollection;

    /** Sets the folder for arrays past the budget (the CLI's --tmp); null: past the budget is an error. */
    public static void overflowFolder(java.nio.file.Path folder) {
        overflowFolder = folder;
    }

    /** Bytes of arrays in memory-mapped files now. */
    public static long mapped() {
        return MAPPED.get();
    }

    /** The most bytes of arrays in memory-mapped files at once since start. */
    public static long mappedPeak() {
        return MAPPED_PEAK.get();
    }

    /** Fills the empty block {@code b} with {@code bytes} of memory, zeroed when asked (file memory always is). */
    static void allocate(Block b, long bytes, boolean zero) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size " + bytes);
        }
        if (reserve(bytes)) {
            long address;
            try {
                address = U.allocateMemory(Math.max(1, bytes));
            } catch (OutOfMemoryError e) {
                USED.addAndGet(-bytes);
                throw e;
            }
            if (zero && bytes > 0) {
                U.setMemory(address, bytes, (byte) 0);
            }
            b.set(address, bytes, false);
        } else {
            mapInto(b, overflowFolder, bytes);
        }
    }

    /** Fills the empty block {@code b} with a new file of {@code bytes} in {@code folder}, counted as mapped. */
    private static void mapInto(Block b, java.nio.file.Path folder, long bytes) {
        b.set(FileMemory.map(folder, bytes, USED.get(), limit), bytes, true);
        MAPPED_PEAK.accumulateAndGet(MAPPED.addAndGet(bytes), Math::max);
    }

    /**
     * Gives block {@code b} room for {@code newBytes}, keeping its first bytes. Memory from the C
     * library is reallocated (for large blocks it moves pages instead of copying them); past the
     * budget the contents move to a file, and a file block only grows by moving.
     */
    static void reallocate(Block b, long newBytes) {
        long oldBytes = b.bytes;
        if (b.mapped && newBytes <= oldBytes) {
            return; // a mapping keeps its length; the array just uses less of it
        }
        if (!b.mapped && (newBytes <= oldBytes || reserve(newBytes - oldBytes))) {
            long moved;
            try {
                moved = U.reallocateMemory(b.address, Math.max(1, newBytes));
            } catch (OutOfMemoryError e) {
                if (newBytes > oldBytes) {
                    USED.addAndGet(oldBytes - newBytes);
                }
                throw e;
            }
            if (newBytes < oldBytes) {
                USED.addAndGet(newBytes - oldBytes);
            }
            b.set(moved, newBytes, false);
            return;
        }
        Block grown = new Block();
        allocate(grown, newBytes, false);
        U.copyMemory(b.address, grown.address, Math.min(oldBytes, newBytes));
        release(b);
        b.set(grown.address, grown.bytes, grown.mapped);
    }

    /**
     * A block of {@code bytes} in a new file in the overflow folder, whatever the budget; null when
     * files are off or none can be made there.
     */
    static Block inFile(long bytes) {
        java.nio.file.Path folder = overflowFolder;
        if (folder == null || !FileMemory.AVAILABLE) {
            return null;
        }
        Block b = new Block();
        try {
            mapInto(b, folder, bytes);
        } catch (Exhausted e) {
            return null;
        }
        return b;
    }

    /** Frees what {@code b} holds and leaves it empty. */
    static void release(Block b) {
        if (b.address != 0) {
            if (b.mapped) {
                FileMemory.unmap(b.address, b.bytes);
                MAPPED.addAndGet(-b.bytes);
            } else {
                U.freeMemory(b.address);
                USED.addAndGet(-b.bytes);
            }
        }
        b.set(0, 0, false);
    }

    /** Frees what {@code to} holds and moves {@code from}'s memory into it; {@code from} is left empty. */
    static void transfer(Block from, Block to) {
        release(to);
        to.set(from.address, from.bytes, from.mapped);
        from.set(0, 0, false);
    }

    /**
     * Counts {@code bytes} against the budget; false when they do not fit and an overflow folder is
     * set, so the caller maps a file instead. Over the budget, the collector is first given one
     * chance (a second), to free arrays nobody holds any more, whose cleaners then give their memory
     * back. Without an overflow folder, running past the budget ends in an {@link OutOfMemoryError}.
     */
    private static boolean reserve(long bytes) {
        for (int attempt = 0; ; attempt++) {
            long now = USED.get();
            if (now + bytes <= limit) {
                if (USED.compareAndSet(now, now + bytes)) {
                    PEAK.accumulateAndGet(now + bytes, Math::max);
                    return true;
                }
                continue;
            }
            boolean files = overflowFolder != null && FileMemory.AVAILABLE;
            int attempts = files ? (System.nanoTime() - lastCollection < 1_000_000_000L ? 0 : 3) : 8;
            if (attempt >= attempts) {
                if (files) {
                    return false;
                }
                throw new OutOfMemoryError("native memory budget exhausted: " + (now >> 20) + " MiB in use, "
                        + (bytes >> 20) + " MiB more needed, limit " + (limit >> 20)
                        + " MiB (-Dheapchain.nativeMemory=SIZE)");
            }
            // Arrays nobody references any more are freed by their cleaners after a collection.
            System.gc();
            lastCollection = System.nanoTime();
            try {
                Thread.sleep(10L << Math.min(attempt, 5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutOfMemoryError("interrupted while waiting for native memory");
            }
        }
    }

    /** The memory of one array: freed by {@link NativeArray#free()} or, failing that, by the cleaner. */
    static final class Block implements Runnable {
        long address;
        long bytes;
        /** Whether the memory is a mapped file (past the budget) rather than the C library's. */
        boolean mapped;

        void set(long address, long bytes, boolean mapped) {
            this.address = address;
            this.bytes = bytes;
            this.mapped = mapped;
        }

        @Override
        public synchronized void run() {
            release(this);
        }
    }

    /** Past the budget with no file to go to: the folder has no room, or the file could not be made. */
    public static final class Exhausted extends OutOfMemoryError {
        private static final long serialVersionUID = 1L;
        private final transient java.nio.file.Path folder;
        private final long needed;
        private final long room;

        Exhausted(long needed, long used, long limit, java.nio.file.Path folder, long room, String why) {
            super("native memory budget exhausted: " + (used >> 20) + " MiB in use, " + (needed >> 20)
                    + " MiB more needed, limit " + (limit >> 20) + " MiB, and the temp folder " + folder
                    + " has room for " + (room >> 20) + " MiB" + (why == null ? "" : " (" + why + ")"));
            this.folder = folder;
            this.needed = needed;
            this.room = room;
        }

        public java.nio.file.Path folder() {
            return folder;
        }

        public long needed() {
            return needed;
        }

        public long room() {
            return room;
        }
    }
}
