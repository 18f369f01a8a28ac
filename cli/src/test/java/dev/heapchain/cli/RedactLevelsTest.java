package dev.heapchain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapchain.hprof.testing.DumpBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --redact values (the default), names and none; --include-values as none. Under names, no name the
 * program chose reaches any output of any command, and the placeholders are the same in every run.
 */
class RedactLevelsTest {
    @TempDir
    Path dir;

    private static void assertNoSecrets(String what, String output) {
        for (String secret : ThreadDumps.SECRETS) {
            assertFalse(output.contains(secret), what + " shows '" + secret + "':\n" + output);
        }
        assertFalse(output.toLowerCase(Locale.ROOT).contains("acme"), what + ":\n" + output);
        assertFalse(output.contains("com.example"), what + ":\n" + output);
        assertFalse(output.contains("SnapshotStore") || output.contains("CatchUp") || output.contains("MetadataSnapshot"),
                what + ":\n" + output);
    }

    private static String run(String... args) {
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), r.toString());
        return r.out();
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    @Test
    void valuesIsTheDefaultAndShowsNames() throws Exception {
        Path dump = ThreadDumps.write(dir.resolve("t.hprof"));
        String text = run("analyze", "-q", dump.toString());
        assertTrue(text.contains("thread \"acme-order-worker\""), text);
        assertTrue(text.contains(ThreadDumps.CACHE), text);
        assertFalse(text.contains("customer "), "string contents stay out: " + text);
        assertEquals(text, run("analyze", "-q", dump.toString(), "--redact", "values"));
        Path html = dir.resolve("r.html");
        run("analyze", "-q", dump.toString(), "--html", html.toString());
        assertEquals("values", AnalyzeHtmlTest.island(Files.readString(html)).at("/view/redact").asText());
    }

    @Test
    void noneAndItsOldSpellingIncludeValues() throws Exception {
        Path dump = ThreadDumps.write(dir.resolve("t.hprof"));
        for (String[] level : new String[][]{{"--redact", "none"}, {"--include-values"}, {"--include-values", "--redact", "none"}}) {
            Path html = dir.resolve("none.html");
            run(with(new String[]{"analyze", "-q", dump.toString(), "--html", html.toString()}, level));
            JsonNode data = AnalyzeHtmlTest.island(Files.readString(html));
            assertEquals("none", data.at("/view/redact").asText(), Arrays.toString(level));
            assertEquals(FrameDetailTest.DRAIN, data.at("/report/suspects/0/rootDetail").asText());
        }
        Cli both = Cli.run("analyze", "-q", dump.toString(), "--include-values", "--redact", "names");
        assertEquals(2, both.code(), both.toString());
        assertTrue(both.err().contains("--include-values means --redact none"), both.err());
        Cli bad = Cli.run("top", "-q", dump.toString(), "--redact", "everything");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("unknown redaction level 'everything'"), bad.err());
    }

    @Test
    void namesLeaveNoProgramNameInAnyOutputOfAnyCommand() throws Exception {
        Path dump = ThreadDumps.write(dir.resolve("t.hprof"));
        String d = dump.toString();
        Path html = dir.resolve("names.html");
        String[][] commands = {
                {"analyze", "-q", d},
                {"analyze", "-q", d, "--json", "-"},
                {"top", "-q", d},
                {"top", "-q", d, "--json", "-"},
                {"paths", "-q", d, "--class", ThreadDumps.CACHE},
                {"paths", "-q", d, "--class", ThreadDumps.CACHE, "--json", "-"},
                {"paths", "-q", d, "--class", "com.acme.secret.Order", "--limit", "3"},
                {"threads", "-q", d},
                {"threads", "-q", d, "--json", "-"},
                {"histogram", "-q", d},
                {"histogram", "-q", d, "--json", "-"},
        };
        for (String[] c : commands) {
            String first = run(with(c, "--redact", "names"));
            assertNoSecrets(String.join(" ", c), first.replace(d, "t.hprof"));
            assertEquals(first, run(with(c, "--redact", "names")), "placeholders are stable between runs: " + String.join(" ", c));
        }
        run("analyze", "-q", d, "--redact", "names", "--html", html.toString());
        String page = Files.readString(html);
        assertNoSecrets("analyze --html", page.replace(d, "t.hprof"));
        assertEquals("names", AnalyzeHtmlTest.island(page).at("/view/redact").asText());
        // The platform's names stay, so a path still reads.
        String top = run("top", "-q", d, "--redact", "names");
        assertTrue(top.contains("java.lang.Object[]"), top);
        assertTrue(top.contains("frame 1: class#"), top);
        String threads = run("threads", "-q", d, "--redact", "names");
        assertTrue(threads.contains("frame 0: java.lang.Object.wait(Native Method)"), threads);
        assertTrue(threads.matches("(?s).*thread \"thread#[0-9a-f]{8}\" \\(serial 1, daemon, WAITING\\).*"), threads);
    }

    private Path snapshots(String name, int count, long laterMillis) {
        DumpBuilder builder = DumpBuilder.hotspot().timestampMillis(1_700_000_000_000L + laterMillis);
        SnapshotDumps.build(builder, new SnapshotDumps.Shape(count, SnapshotDumps.Pin.STRONG, false));
        return builder.writeTo(dir.resolve(name));
    }

    @Test
    void namesCoverChainsAndCompareAndTrendFromDumps() throws Exception {
        Path a = snapshots("a.hprof", 40, 0);
        Path b = snapshots("b.hprof", 60, 3_600_000);
        String[] names = with(SnapshotDumps.AD_HOC, "--redact", "names");
        String text = run(with(new String[]{"analyze", "-q", a.toString()}, names));
        assertTrue(text.startsWith("VERDICT: LEAK: class#"), text);
        assertTrue(text.contains("PIN (direct): class#"), text);
        assertNoSecrets("analyze", text.replace(dir.toString(), "DIR"));
        String json = run(with(new String[]{"analyze", "-q", a.toString(), "--json", "-"}, names));
        AnalyzeSchema.assertValid(json);
        assertNoSecrets("analyze --json", json.replace(dir.toString(), "DIR"));
        JsonNode doc = new ObjectMapper().readTree(json);
        assertTrue(doc.at("/chains/0/pins/0/field").asText().matches("field#[0-9a-f]{8}"), doc.at("/chains/0/pins/0").toString());
        String compare = run(with(new String[]{"compare", "-q", a.toString(), b.toString()}, names));
        assertNoSecrets("compare", compare.replace(dir.toString(), "DIR"));
        assertTrue(compare.contains("[matched, same evidence] 1 chain: class#"), "redacted identities still match: " + compare);
        Path stored = dir.resolve("a.json");
        Files.writeString(stored, json);
        String fromReport = run(with(new String[]{"compare", "-q", stored.toString(), b.toString(), "--json", "-"}, names));
        assertNoSecrets("compare --json", fromReport.replace(dir.toString(), "DIR"));
        assertTrue(fromReport.contains("\"result\" : \"unchanged\""), "a stored redacted report matches a redacted dump: " + fromReport);
        String trend = run(with(new String[]{"trend", "-q", a.toString(), b.toString(), "--json", "-"}, names));
        assertNoSecrets("trend --json", trend.replace(dir.toString(), "DIR"));
    }
}
