package dev.heapchain.history;

import java.util.Locale;

/**
 * Parses sizes ("512KB", "1.5 GB", "100") and growth rates ("10MB/h", "5%/h", "2GB/day"). Units are
 * binary (1 KB = 1024 B), as heapchain prints them. Errors name the text and show valid forms.
 */
public final class Rates {
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private Rates() {
    }

    /** A growth limit: bytes per hour, or percent per hour when {@code percent}. */
    public record Growth(double perHour, boolean percent) {
        public String label() {
            return percent ? String.format(Locale.ROOT, "%.3g%%/h", perHour)
                    : dev.heapchain.report.Units.bytes(Math.round(perHour)) + "/h";
        }
    }

    public static Growth growth(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        int slash = t.lastIndexOf('/');
        if (slash < 0) {
            throw bad(text, "a rate needs a time unit");
        }
        double hours = switch (t.substring(slash + 1)) {
            case "h", "hr", "hour" -> 1;
            case "min", "m" -> 1.0 / 60;
            case "d", "day" -> 24;
            default -> throw bad(text, "unknown time unit '" + t.substring(slash + 1) + "'");
        };
        String amount = t.substring(0, slash);
        if (amount.endsWith("%")) {
            return new Growth(number(amount.substring(0, amount.length() - 1), text) / hours, true);
        }
        return new Growth(bytes(amount, text) / hours, false);
    }

    static long bytes(String text, String whole) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        for (int u = UNITS.length - 1; u >= 0; u--) {
            if (t.endsWith(UNITS[u]) && (u > 0 || !t.endsWith("KB"))) {
                return Math.round(number(t.substring(0, t.length() - UNITS[u].length()), whole) * (1L << (10 * u)));
            }
        }
        return Math.round(number(t, whole));
    }

    static double number(String text, String whole) {
        // Plain decimals only: Double.parseDouble would also take "1e3", "0x1p3" and "10d".
        if (!text.strip().matches("[0-9]+(\\.[0-9]+)?")) {
            throw bad(whole, "'" + text + "' is not a number of 0 or more");
        }
        return Double.parseDouble(text.strip());
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("cannot read '" + text + "': " + why
                + " (examples: 10MB/h, 512KB/h, 5%/h, 1GB/day)");
    }
}
