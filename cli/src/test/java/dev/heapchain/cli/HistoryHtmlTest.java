package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `compare --html` and `trend --html` without a browser: the file's safety and what its island holds. */
class HistoryHtmlTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long HOUR = 3_600_000L;

    private static final String OWNER = HostileReports.REGISTRY.replace('/', '.').substring(HostileReports.REGISTRY.replace('/', '.').lastIndexOf('.') + 1)
            + " (Java frame root)";

    @TempDir
    Path dir;

    @Test
    void compareKeepsHostileClassNamesOutOfTheMarkup() throws Exception {
        Path base = HostileReports.write(dir, "base", 10, T0);
        Path cur = HostileReports.write(dir, "cur", 50, T0 + HOUR);
        Path html = dir.resolve("compare.html");
        Cli r = Cli.run("compare", "-q", base.toString(), cur.toString(), "--html", html.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("COMPARE: REGRESSED"), "the text still goes to stdout: " + r);
        String page = Files.readString(html);
        assertOnlyTemplateMarkup(page);
        assertTrue(page.contains("COMPARE: REGRESSED"), "the verdict is in the static markup");
        JsonNode data = AnalyzeHtmlTest.island(page);
        assertEquals("compare", data.path("page").asText());
        assertEquals("heapchain.compare/1", data.at("/report/schema").asText());
        JsonNode chain = data.at("/report/chains/0");
        // The registry is a GC root itself: its identity is its simple name (the hostile tail after the last dot).
        assertEquals(OWNER, chain.path("key").asText(), chain.toString());
        assertTrue(data.at("/report/classes").toString().contains(ChainDumps.IMG), "the snapshot class grew");
        assertTrue(data.at("/view/maxChainRetainedBytes").asLong() > 0);
    }

    @Test
    void trendKeepsThemOutToo() throws Exception {
        Path html = dir.resolve("trend.html");
        Cli r = Cli.run("trend", "-q", HostileReports.write(dir, "a", 10, T0).toString(),
                HostileReports.write(dir, "b", 50, T0 + HOUR).toString(), "--html", html.toString(), "--fail-on-growth", "100B/h");
        assertEquals(ExitCode.LEAK.code(), r.code(), r::toString);
        String page = Files.readString(html);
        assertOnlyTemplateMarkup(page);
        assertTrue(page.contains("TREND: GROWTH over 100 B/h"), "the check is in the static markup");
        JsonNode data = AnalyzeHtmlTest.island(page);
        assertEquals("heapchain.trend/1", data.at("/report/schema").asText());
        assertEquals(OWNER, data.at("/report/dumps/1/chains/0/key").asText());
    }

    @Test
    void htmlToStdoutReplacesTheText() throws Exception {
        Path base = HostileReports.write(dir, "base", 10, T0);
        Cli r = Cli.run("compare", "-q", base.toString(), base.toString(), "--html", "-");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("<!DOCTYPE html>"), r::toString);
        assertFalse(r.out().contains("COMPARE: UNCHANGED\n"), "no text report after the page");
        Cli both = Cli.run("trend", base.toString(), base.toString(), "--json", "-", "--html", "-");
        assertEquals(ExitCode.USAGE.code(), both.code(), both::toString);
    }

    /** The three script elements of the template, and nothing a name could have added. */
    private static void assertOnlyTemplateMarkup(String page) {
        assertEquals(3, AnalyzeHtmlTest.count(page, "<script"), "only the template's script elements");
        assertEquals(3, AnalyzeHtmlTest.count(page, "</script>"));
        assertEquals(0, AnalyzeHtmlTest.count(page, "<img"));
        assertFalse(page.contains("alert(1)</"), "no raw end tag from a name");
    }
}
