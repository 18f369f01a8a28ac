package dev.heapchain.cli;

import java.io.PrintWriter;

/**
 * Turns an OutOfMemoryError into one line that says how much memory to give. The engine keeps its
 * per-object and per-edge arrays outside the Java heap, under a budget
 * ({@code -Dheapchain.nativeMemory}); running past that budget names the budget. Running out of
 * Java heap names -Xmx: the estimate scales with the uncompressed dump, about
 * {@link #HEAP_PER_DUMP_BYTE} of the dump's bytes (what a dump that needs the two-pass route holds
 * on the heap), plus a {@link #BASE_MB} floor for the JVM and the read buffers (measured:
 * docs/robustness.md).
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

    static int report(PrintWriter err, long dumpBytes, Throwable error) {
        OutOfMemoryError oom = cause(error);
        if (oom instanceof dev.heapchain.util.NativeMemory.Exhausted full) {
            err.println("heapchain: out of memory: the engine's arrays exceeded their memory budget of "
                    + dev.heapchain.util.ScratchFile.describeBytes(dev.heapchain.util.NativeMemory.limit())
                    + ", and the temp folder " + full.folder() + " has room for "
                    + dev.heapchain.util.ScratchFile.describeBytes(full.room()) + " of the "
                    + dev.heapchain.util.ScratchFile.describeBytes(full.needed())
                    + " more they need as files; give --tmp a folder with more room");
            err.flush();
            return ExitCode.INTERNAL_ERROR.code();
        }
        if (oom != null && oom.getMessage() != null && oom.getMessage().startsWith("native memory budget")) {
            long budgetMb = dev.heapchain.util.NativeMemory.limit() >> 20;
            long advice = Math.max(2 * budgetMb, dumpBytes > 0 ? neededMb(dumpBytes) : 0);
            err.println("heapchain: out of memory: the engine's arrays outside the Java heap exceeded their budget of "
                    + budgetMb + " MB" + (dumpBytes > 0 ? " for this dump (" + (dumpBytes >> 20) + " MB uncompressed)" : "")
                    + "; rerun with HEAPCHAIN_JAVA_OPTS=-Dheapchain.nativeMemory=" + advice + "m on a machine with that much free memory");
            err.flush();
            return ExitCode.INTERNAL_ERROR.code();
        }
        return report(err, dumpBytes);
    }

    private static OutOfMemoryError cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError o) {
                return o;
            }
        }
        return null;
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
