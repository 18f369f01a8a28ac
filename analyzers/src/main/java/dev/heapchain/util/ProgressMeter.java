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

    @Override
    public void accept(String phase) {
        this.phase = phase;
        this.total = -1;
    }

    /** A phase that covers {@code total} bytes of the dump (-1 when unknown, e.g. gzip input). */
    public void phase(String phase, long total) {
        this.done = 0;
        this.total = total;
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

    /** Percent done of the current phase, or -1 when not known. */
    public int percent() {
        long t = total;
        return t <= 0 ? -1 : (int) Math.min(100, done * 100 / t);
    }
}
