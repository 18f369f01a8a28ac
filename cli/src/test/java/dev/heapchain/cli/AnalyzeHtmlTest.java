package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `analyze --html` without a browser: what the file holds, its safety and its size. */
class AnalyzeHtmlTest {
    @TempDir
    Path dir;

    static List<String> args(Path dump, Path html, String... more) {
        List<String> a = new ArrayList<>(List.of("analyze", "-q", dump.toString(), "--html", html.toString()));
        a.addAll(List.of(ChainDumps.hostileProfile()));
        a.addAll(List.of(more));
        return a;
    }

    static JsonNode island(String page) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"heapchain-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(m.find(), "no data island");
        return new ObjectMapper().readTree(m.group(1));
    }

    @Test
    void hostileNamesNeverBecomeMarkup() throws Exception {
        Path html = dir.resolve("r.html");
        Cli r = Cli.run(args(ChainDumps.hostile(dir), html).toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        String page = Files.readString(html);
        assertEquals(3, count(page, "<script"), "only the template's script elements");
        assertEquals(3, count(page, "</script>"));
        assertEquals(0, count(page, "<img"));
        assertTrue(page.contains("VERDICT: SUSPECT"), "50 snapshots and no watermark known: suspect, never a leak");
        // The names are in the data, intact after JSON.parse, so the page can show them as text.
        JsonNode data = island(page);
        JsonNode chain = data.at("/report/chains/0");
        assertEquals(ChainDumps.IMG, chain.at("/oldest/class").asText());
        assertTrue(chain.get("pathToOldest").toString().contains(ChainDumps.SCRIPT.replace("\"", "\\\"")), chain.toString());
        // Thread names are names, shown by default; as text, like every other name from the dump.
        assertTrue(data.at("/report/chains/0/rootDetail").asText().startsWith("thread \"" + ChainDumps.THREAD + "\", frame 0: "),
                data.at("/report/chains/0/rootDetail").asText());
        assertFalse(page.contains("<b>secret thread</b>"), "the thread name never becomes markup");
        assertEquals("values", data.at("/view/redact").asText());
    }

    @Test
    void includeValuesSaysSoInThePage() throws Exception {
        Path html = dir.resolve("r.html");
        Cli r = Cli.run(args(ChainDumps.hostile(dir), html, "--include-values").toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        String page = Files.readString(html);
        assertEquals(3, count(page, "<script"));
        JsonNode data = island(page);
        assertTrue(data.at("/report/chains/0/rootDetail").asText().startsWith("thread \"" + ChainDumps.THREAD + "\", frame 0: "));
        assertEquals("none", data.at("/view/redact").asText());
    }

    @Test
    void aHundredThousandEpochChainStaysUnderThreeMegabytes() throws Exception {
        Path dump = ChainDumps.write(dir, "long.hprof", "com.example.Snap", "com.example.Registry", "head", "main", 100_000);
        Path html = dir.resolve("long.html");
        Cli r = Cli.run("analyze", "-q", dump.toString(), "--class", "com.example.Snap", "--epoch-field", "e",
                "--link-field", "next", "--html", html.toString());
        assertEquals(0, r.code(), r.toString());
        long size = Files.size(html);
        assertTrue(size < 3_000_000, "report is " + size + " bytes");
        JsonNode series = island(Files.readString(html)).at("/view/groups/0/epochSeries");
        assertEquals(100_000, series.get("epochs").asInt());
        assertEquals(500, series.get("retainedBytes").size(), "bucketed for the chart");
        assertEquals(100_000, sum(series.get("epochCount")), "every epoch in some bucket");
    }

    @Test
    void jsonAndHtmlCannotBothGoToStdout() throws Exception {
        Cli r = Cli.run("analyze", ChainDumps.hostile(dir).toString(), "--json", "-", "--html", "-");
        assertEquals(2, r.code(), r.toString());
    }

    private static long sum(JsonNode a) {
        long s = 0;
        for (JsonNode n : a) {
            s += n.asLong();
        }
        return s;
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
