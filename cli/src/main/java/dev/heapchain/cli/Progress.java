package dev.heapchain.cli;

import java.io.PrintWriter;

/**
 * One progress line on stderr for work that takes more than about two seconds, redrawn four times
 * a second: the phase, its percent and the time left in it where the engine can count (passes over
 * the dump; the dominator computation in thirds), and the time so far. Silent when stderr is not a
 * terminal (CI logs, pipes) and with --quiet.
 */
final class Progress implements AutoCloseable {
    /** Quiet for the first two seconds (-Dheapchain.progressDelayMs changes it, for tests). */
    private static final long DELAY_NANOS = Long.getLong("heapchain.progressDelayMs", 2000) * 1_000_000L;
    /** Four updates a second at most. */
    private static final long PERIOD_MILLIS = 250;

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
                Thread.sleep(PERIOD_MILLIS);
                long elapsed = System.nanoTime() - start;
                if (elapsed > DELAY_NANOS) {
                    synchronized (this) {
                        err.print("\r" + line(meter.phase(), meter.percent(), meter.secondsLeft(), elapsed / 1e9) + "\u001b[K");
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

    /** "heapchain: reading the dump... 43%, about 12 s left in this phase, 31 s so far". */
    static String line(String phase, int percent, double secondsLeft, double elapsed) {
        StringBuilder b = new StringBuilder("heapchain: ").append(phase).append("... ");
        if (percent >= 0) {
            b.append(percent).append("%, ");
            if (secondsLeft >= 0) {
                b.append("about ").append(secondsLeft < 90 ? Math.round(Math.max(1, secondsLeft)) + " s"
                        : Math.round(secondsLeft / 60) + " min").append(" left in this phase, ");
            }
        }
        return b.append(String.format(java.util.Locale.ROOT, "%.0f s so far", elapsed)).toString();
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
