package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `heapchain demo --out DIR` end to end, at its default 2,000 images: verdicts, reports, the comparison. */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoJudgesBothVariantsWritesTheReportsAndCompares() throws Exception {
        Cli r = Cli.run("demo", "-q", "--out", dir.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), "--quiet");
        String out = r.out();
        assertTrue(out.contains("\nleaky  LEAK    : 4,000 snapshots in 2 chains retain "), out);
        assertTrue(out.contains("       why: The live-epoch list "), out);
        assertTrue(out.contains("\nfixed  no leak : "), out);
        assertTrue(out.contains("\ncompare fixed (baseline) -> leaky (current): regressed\n"), out);
        // Chains matched by identity across the two runs: the fixed run's chains are the leaky run's.
        assertTrue(out.contains("       why: chain RegistryRef.registry at SoakResult.loader.image.objectsMetadata.registryRef: "
                + "no leak -> LEAK, 1 snapshot (epochs 1999..1999), "), out);
        assertTrue(out.contains(" (bookkeeping-pin)\n"), out);

        ObjectMapper m = new ObjectMapper();
        String leakyJson = Files.readString(dir.resolve("leaky.json"), StandardCharsets.UTF_8);
        AnalyzeSchema.assertValid(leakyJson);
        assertEquals("leak", m.readTree(leakyJson).at("/verdict/outcome").asText());
        assertEquals("no leak", m.readTree(dir.resolve("fixed.json").toFile()).at("/verdict/outcome").asText());

        String leakyHtml = Files.readString(dir.resolve("leaky.html"), StandardCharsets.UTF_8);
        assertTrue(leakyHtml.contains("<h1 id=\"verdict-title\">VERDICT: LEAK: RegistryRef.registry (2 chains) holds "), "the headline");
        assertEquals("analyze", AnalyzeHtmlTest.island(leakyHtml).path("page").asText());
        assertTrue(Files.readString(dir.resolve("fixed.html")).contains("<h1 id=\"verdict-title\">VERDICT: no leak: "));

        JsonNode compare = m.readTree(dir.resolve("compare.json").toFile());
        assertEquals("heapchain.compare/1", compare.path("schema").asText());
        assertEquals("regressed", compare.at("/verdict/result").asText());
        assertEquals(dir.resolve("fixed.json").toString(), compare.at("/baseline/source").asText());
        assertEquals(1, compare.at("/pins/new").size(), "the bookkeeping pin");
        assertTrue(Files.readString(dir.resolve("compare.txt")).startsWith("COMPARE: REGRESSED\n"));
        assertTrue(Files.readString(dir.resolve("compare.html")).contains("<h1 id=\"verdict-title\">COMPARE: REGRESSED</h1>"));

        // The demo's comparison is the one compare makes from the reports it wrote.
        Cli again = Cli.run("compare", "-q", dir.resolve("fixed.json").toString(), dir.resolve("leaky.json").toString(), "--json", "-");
        assertEquals(m.readTree(again.out()), compare);
    }
}
