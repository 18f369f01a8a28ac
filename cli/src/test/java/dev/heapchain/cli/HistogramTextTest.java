package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text table: rows, a Total line that covers every class, and a golden copy of the whole. */
class HistogramTextTest {
    @TempDir
    Path dir;

    private static List<String> rows(String out) {
        return out.lines().filter(l -> l.matches("^\\s+\\d+ .*")).toList();
    }

    private static String total(String out) {
        return out.lines().filter(l -> l.strip().startsWith("Total ")).findFirst().orElse(null);
    }

    @Test
    void topLimitsRowsButTheTotalStaysFull() throws IOException {
        String dump = TinyDumps.tiny(dir).toString();
        Cli full = Cli.run("histogram", dump);
        Cli top = Cli.run("histogram", "--top", "3", dump);
        assertEquals(0, top.code(), top::toString);
        assertTrue(rows(full.out()).size() > 3, full::toString);
        assertEquals(rows(full.out()).subList(0, 3), rows(top.out()));
        assertEquals(total(full.out()), total(top.out()));
        assertTrue(top.out().contains("(" + (rows(full.out()).size() - 3) + " more classes)"), top::toString);
    }

    @Test
    void totalLineSumsTheInstances() throws IOException {
        Cli r = Cli.run("histogram", TinyDumps.tiny(dir).toString());
        long sum = 0;
        for (String row : rows(r.out())) {
            sum += Long.parseLong(row.strip().split("\\s+")[1].replace(",", ""));
        }
        String total = total(r.out());
        assertTrue(total != null, r::toString);
        assertEquals(sum, Long.parseLong(total.strip().split("\\s+")[1].replace(",", "")));
    }

    @Test
    void matchesGoldenFile() throws IOException {
        Path dump = TinyDumps.tiny(dir);
        // The temp path differs per run; everything else must be stable to the byte.
        Golden.assertMatches("histogram-tiny.txt", Cli.run("histogram", dump.toString()).out().replace(dump.toString(), "tiny.hprof"));
    }
}
