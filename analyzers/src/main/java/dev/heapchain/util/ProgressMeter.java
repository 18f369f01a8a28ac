package dev.heapchain.util;

import java.util.function.Consumer;

/**
 * Where long work stands: the phase, and how far a pass over the dump has got. Written by the
 * passes (cheaply: every 64K objects), read by whoever draws a progress line. Passing one as the
 * phase consumer of the engine also enables the percentages.
 */
public final class ProgressMeter implements Consumer<String> {
    private volatile String phase = "";
    private volatile long done;
    private volatile long total = -1;
    private volatile long phaseStart = System.nanoTime();

    @Override
    public void accept(String phase) {
        this.total = -1;
        this.phaseStart = System.nanoTime();
        this.phase = phase;
    }

    /**
     * A phase that covers {@code total} units (bytes of the dump, or nodes of the graph; -1 when
     * unknown, e.g. gzip input), reported with {@link #at} or {@link #tick}.
     */
    public void phase(String phase, long total) {
        this.done = 0;
        this.total = total;
        this.phaseStart = System.nanoTime();
        this.phase = phase;
    }

    public void at(long done) {
        this.done = done;
    }

    private int sinceReport;

    /**
     * For a pass that calls once per record: publishes the offset every 65,536th call only (a
     * volatile write per record would cost the pass). One thread per meter.
     */
    public void tick(long offset) {
        if (++sinceReport == 1 << 16) {
            sinceReport = 0;
            at(offset);
        }
    }

    public String phase() {
        return phase;
    }

    /**
     * Seconds left in the current phase by its rate so far, or -1 when not known yet (no total, or
     * under 2% and a second done: early rates mislead).
     */
    public double secondsLeft() {
        long t = total;
        long d = done;
        double elapsed = (System.nanoTime() - phaseStart) / 1e9;
        if (t <= 0 || d <= 0 || d * 50 < t || elapsed < 1) {
            return -1;
        }
        return elapsed * (t - Math.min(d, t)) / d;
    }

    /** Percent done of the current phase, or -1 when not known. */
    public int percent() {
        long t = total;
        return t <= 0 ? -1 : (int) Math.min(100, done * 100 / t);
    }
}
