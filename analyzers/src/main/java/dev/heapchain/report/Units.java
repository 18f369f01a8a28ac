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

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String hexId(long id) {
        return "0x" + Long.toHexString(id);
    }
}
