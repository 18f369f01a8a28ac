package dev.heapchain.cli;

import java.io.PrintWriter;

/**
 * One progress line on stderr for work that takes more than about two seconds: the phase and the
 * time so far. Silent when stderr is not a terminal (CI logs, pipes) and with --quiet.
 */
final class Progress implements AutoCloseable {
    private static final long DELAY_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private final dev.heapchain.util.ProgressMeter meter = new dev.heapchain.util.ProgressMeter();
    private Thread ticker;
    private boolean printed;
    private final boolean quiet;
    /** The overflow note is printed once per process (batch analyze runs several engines). */
    private static boolean noted;
    private boolean engineDone;

    Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
        this.enabled = !quiet && System.console() != null;
        if (enabled) {
            ticker = new Thread(this::tick, "heapchain-progress");
            ticker.setDaemon(true);
            ticker.start();
        }
    }

    /** What the engine reports phases and percentages to. */
    dev.heapchain.util.ProgressMeter meter() {
        return meter;
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(250);
                long elapsed = System.nanoTime() - start;
                if (elapsed > DELAY_NANOS) {
                    synchronized (this) {
                        int percent = meter.percent();
                        err.printf("\rheapchain: %s... %s%.0f s\u001b[K", meter.phase(),
                                percent >= 0 ? percent + "%, " : "", elapsed / 1e9);
                        err.flush();
                        printed = true;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After an engine run that finished: {@link #close} then notes arrays that went past the budget to files. */
    void engineDone() {
        engineDone = true;
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (printed) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
        long mapped = dev.heapchain.util.NativeMemory.mappedPeak();
        if (engineDone && !quiet && mapped > 0 && !noted) {
            noted = true;
            err.println("heapchain: note: the engine's arrays did not fit the memory budget of "
                    + dev.heapchain.util.ScratchFile.describeBytes(dev.heapchain.util.NativeMemory.limit()) + "; up to "
                    + dev.heapchain.util.ScratchFile.describeBytes(mapped)
                    + " of them were memory-mapped files in the temp folder, which is slower");
            err.flush();
        }
    }
}
