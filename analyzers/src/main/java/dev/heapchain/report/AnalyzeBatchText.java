package dev.heapchain.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The summary table of `analyze` over several dumps: one line each, leaks counted at the end. */
public final class AnalyzeBatchText {
    private AnalyzeBatchText() {
    }

    /**
     * @param leak     null when the dump could not be read; {@code worstPin} then holds the error
     * @param worstPin the first pin of the largest pinned chain, or "-"
     */
    public record Row(String dump, Boolean leak, long chains, long snapshots, long retainedBytes, String worstPin) {
    }

    public static void render(List<Row> rows, PrintWriter out) {
        int width = Math.max(4, rows.stream().mapToInt(r -> r.dump().length()).max().orElse(4));
        String format = "%-" + width + "s  %-7s %6s %10s %10s  %s%n";
        out.printf(Locale.ROOT, format, "dump", "verdict", "chains", "snapshots", "retained", "worst pin");
        long leaks = 0;
        long errors = 0;
        for (Row r : rows) {
            if (r.leak() == null) {
                errors++;
                out.printf(Locale.ROOT, format, r.dump(), "ERROR", "-", "-", "-", r.worstPin());
                continue;
            }
            leaks += r.leak() ? 1 : 0;
            out.printf(Locale.ROOT, format, r.dump(), r.leak() ? "LEAK" : "ok", Units.count(r.chains()),
                    Units.count(r.snapshots()), Units.bytes(r.retainedBytes()), r.worstPin());
        }
        out.printf(Locale.ROOT, "%n%d dump%s: %d with a leak, %d unreadable%n", rows.size(), rows.size() == 1 ? "" : "s",
                leaks, errors);
        out.flush();
    }
}
