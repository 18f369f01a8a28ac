package dev.heapchain.report;

import java.util.Locale;

/** Readable numbers for people: {@code 412.3 MB}, {@code 3,000}. Binary units, decimal names as jmap and MAT print. */
public final class Units {
    private Units() {
    }

    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** {@code 3,000}: as {@code %,d} in the root locale, without a Formatter (reports print thousands). */
    public static String count(long n) {
        if (n == Long.MIN_VALUE) {
            return String.format(Locale.ROOT, "%,d", n);
        }
        String digits = Long.toString(Math.abs(n));
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            b.append('-');
        }
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    public static String hexId(long id) {
        return "0x" + Long.toHexString(id);
    }
}
