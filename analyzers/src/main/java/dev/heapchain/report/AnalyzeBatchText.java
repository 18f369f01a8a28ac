package dev.heapchain.report;

import dev.heapchain.analysis.chain.Verdicts;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The summary table of `analyze` over several dumps: one line each, outcomes counted at the end. */
public final class AnalyzeBatchText {
    private AnalyzeBatchText() {
    }

    /**
     * @param outcome  null when the dump could not be read; {@code worstPin} then holds the error
     * @param worstPin the first pin of the worst pinned chain, or "-"
     */
    public record Row(String dump, Verdicts.Outcome outcome, long chains, long snapshots, long retainedBytes, String worstPin) {
    }

    public static void render(List<Row> rows, PrintWriter out) {
        int width = Math.max(4, rows.stream().mapToInt(r -> r.dump().length()).max().orElse(4));
        String format = "%-" + width + "s  %-14s %6s %10s %10s  %s%n";
        out.printf(Locale.ROOT, format, "dump", "verdict", "chains", "snapshots", "retained", "worst pin");
        long leaks = 0;
        long suspects = 0;
        long errors = 0;
        for (Row r : rows) {
            if (r.outcome() == null) {
                errors++;
                out.printf(Locale.ROOT, format, r.dump(), "ERROR", "-", "-", "-", r.worstPin());
                continue;
            }
            leaks += r.outcome() == Verdicts.Outcome.LEAK ? 1 : 0;
            suspects += r.outcome() == Verdicts.Outcome.SUSPECT ? 1 : 0;
            out.printf(Locale.ROOT, format, r.dump(), r.outcome().shout(), Units.count(r.chains()),
                    Units.count(r.snapshots()), Units.bytes(r.retainedBytes()), r.worstPin());
        }
        out.printf(Locale.ROOT, "%n%d dump%s: %d LEAK, %d SUSPECT, %d unreadable%n", rows.size(), rows.size() == 1 ? "" : "s",
                leaks, suspects, errors);
        out.flush();
    }
}
