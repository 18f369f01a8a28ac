package dev.heapchain.util;

/**
 * Engine phase timings on stderr, for performance work: {@code -Dheapchain.trace=true} prints one
 * line per mark with the seconds since the first mark, the thread, and the memory in use then
 * (the engine's arrays in memory and in files, and the Java heap). Off by default, and then
 * free: callers test {@link #ON}, a constant the JIT folds away.
 */
public final class Trace {
    public static final boolean ON = Boolean.getBoolean("heapchain.trace");
    private static final long START = System.nanoTime();

    private Trace() {
    }

    public static void mark(String what) {
        if (ON) {
            Runtime rt = Runtime.getRuntime();
            System.err.printf("trace %7.3f s [%s] %s (native %,d MiB, files %,d MiB, heap %,d MiB)%n",
                    (System.nanoTime() - START) / 1e9, Thread.currentThread().getName(), what,
                    NativeMemory.used() >> 20, NativeMemory.mapped() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }
}
