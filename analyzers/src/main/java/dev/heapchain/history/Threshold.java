package dev.heapchain.history;

/**
 * How much a chain must change before compare calls it a regression or an improvement: by more than
 * {@code percent} of the baseline and, for bytes, by more than {@code bytes} too, so noise on small
 * chains and slow drift on big ones both stay quiet.
 */
public record Threshold(double percent, long bytes) {
    public static final Threshold DEFAULT = new Threshold(10, 1L << 20);

    public Threshold {
        if (percent < 0 || bytes < 0) {
            throw new IllegalArgumentException("a threshold cannot be negative");
        }
    }

    /** Whether a change from {@code before} to {@code after} bytes exceeds both limits. */
    boolean bytesChanged(long before, long after) {
        long delta = Math.abs(after - before);
        return delta > bytes && percentOf(delta, before) > percent;
    }

    /** Whether a snapshot count changed by more than the percentage. */
    boolean countChanged(long before, long after) {
        return percentOf(Math.abs(after - before), before) > percent;
    }

    private static double percentOf(long delta, long base) {
        return base == 0 ? (delta == 0 ? 0 : Double.POSITIVE_INFINITY) : 100.0 * delta / base;
    }

    /** Parses "10%", "1MB", or both "10%,1MB"; the part left out keeps its default. */
    public static Threshold parse(String text) {
        double percent = DEFAULT.percent;
        long bytes = DEFAULT.bytes;
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            if (p.endsWith("%")) {
                percent = Rates.number(p.substring(0, p.length() - 1), text);
            } else {
                bytes = Rates.bytes(p, text);
            }
        }
        return new Threshold(percent, bytes);
    }
}
