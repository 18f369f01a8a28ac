package dev.heapchain.cli;

import java.io.PrintWriter;

/**
 * Turns an OutOfMemoryError into one line that says how much heap to give. The estimate scales
 * with the uncompressed dump: the graph keeps per object its id, class, size, edges, dominator and
 * path arrays, which comes to about {@link #HEAP_PER_DUMP_BYTE} of the dump's bytes, plus a
 * {@link #BASE_MB} floor for the JVM and the read buffers (measured: docs/robustness.md).
 */
final class OutOfMemory {
    static final double HEAP_PER_DUMP_BYTE = 2.0;
    static final long BASE_MB = 64;

    private OutOfMemory() {
    }

    /** Heap in MB that a graph command needs for a dump of {@code dumpBytes} uncompressed bytes. */
    static long neededMb(long dumpBytes) {
        return BASE_MB + (long) Math.ceil(dumpBytes * HEAP_PER_DUMP_BYTE / (1 << 20));
    }

    static int report(PrintWriter err, long dumpBytes) {
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        // At least double what failed: the estimate is for typical dumps, and an OOM proves this one is not.
        long advice = Math.max(dumpBytes > 0 ? neededMb(dumpBytes) : 0, 2 * maxMb);
        String need = dumpBytes > 0 ? "this dump (" + (dumpBytes >> 20) + " MB uncompressed) needs about "
                + neededMb(dumpBytes) + " MB of heap, " : "";
        err.println("heapchain: out of memory: " + need + "the JVM has " + maxMb + " MB; rerun with HEAPCHAIN_JAVA_OPTS=-Xmx"
                + advice + "m");
        err.flush();
        return ExitCode.INTERNAL_ERROR.code();
    }

    /** Whether {@code t} is, or was caused by, running out of heap (picocli may wrap errors). */
    static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}
