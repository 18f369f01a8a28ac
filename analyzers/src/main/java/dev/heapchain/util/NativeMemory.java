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
 * <p>All allocation is counted against a budget ({@code -Dheapchain.nativeMemory=SIZE}, default
 * three quarters of physical memory less the Java heap's maximum). Past it, allocation first lets
 * the collector free arrays nobody holds, then fails with an {@link OutOfMemoryError}, which the
 * CLI turns into its one-line advice like any other.
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
        long physical = physicalMemory();
        long heap = Runtime.getRuntime().maxMemory();
        return Math.max(256L << 20, physical / 4 * 3 - (heap == Long.MAX_VALUE ? 0 : heap));
    }

    private static long physicalMemory() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return 8L << 30;
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

    static long allocate(long bytes) {
        reserve(bytes);
        try {
            return U.allocateMemory(Math.max(1, bytes));
        } catch (OutOfMemoryError e) {
            USED.addAndGet(-bytes);
            throw e;
        }
    }

    static long reallocate(long address, long oldBytes, long newBytes) {
        if (newBytes > oldBytes) {
            reserve(newBytes - oldBytes);
        }
        long moved;
        try {
            moved = U.reallocateMemory(address, Math.max(1, newBytes));
        } catch (OutOfMemoryError e) {
            if (newBytes > oldBytes) {
                USED.addAndGet(oldBytes - newBytes);
            }
            throw e;
        }
        if (newBytes < oldBytes) {
            USED.addAndGet(newBytes - oldBytes);
        }
        return moved;
    }

    static void free(long address, long bytes) {
        if (address != 0) {
            U.freeMemory(address);
            USED.addAndGet(-bytes);
        }
    }

    private static void reserve(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size " + bytes);
        }
        for (int attempt = 0; ; attempt++) {
            long now = USED.get();
            if (now + bytes <= limit) {
                if (USED.compareAndSet(now, now + bytes)) {
                    PEAK.accumulateAndGet(now + bytes, Math::max);
                    return;
                }
                continue;
            }
            if (attempt >= 8) {
                throw new OutOfMemoryError("native memory budget exhausted: " + (now >> 20) + " MiB in use, "
                        + (bytes >> 20) + " MiB more needed, limit " + (limit >> 20)
                        + " MiB (-Dheapchain.nativeMemory=SIZE)");
            }
            // Arrays nobody references any more are freed by their cleaners after a collection.
            System.gc();
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

        Block(long address, long bytes) {
            this.address = address;
            this.bytes = bytes;
        }

        @Override
        public synchronized void run() {
            free(address, bytes);
            address = 0;
            bytes = 0;
        }
    }
}
