package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapchain.fixtures.Variant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare on real leaky and fixed dumps, and on their stored reports. */
class CompareCommandTest {
    private static final String CHAIN = "chain RegistryRef.registry at SoakResult.loader.image.";

    @TempDir
    Path dir;

    @Test
    void leakyAgainstFixedRegressesAndNamesTheGrownChain() throws Exception {
        Path junit = dir.resolve("compare.xml");
        Cli r = Cli.run("compare", "-q", FixtureSet.dump(Variant.FIXED, 800).toString(),
                FixtureSet.dump(Variant.LEAKY, 800).toString(), "--fail-on-regression", "--junit", junit.toString());
        assertEquals(ExitCode.LEAK.code(), r.code(), r::toString);
        assertTrue(r.out().startsWith("COMPARE: REGRESSED"), r::toString);
        assertTrue(r.out().contains("regressed: " + CHAIN), r::toString);
        assertTrue(r.out().contains("1 snapshot (epochs 799..799), 152 B -> 800 snapshots (epochs 0..799)"), r::toString);
        assertTrue(r.out().contains("registryRef: no leak -> LEAK, 1 snapshot"), r::toString);
        assertTrue(r.out().contains("current outcome, with what both dumps show: LEAK"), r::toString);
        assertTrue(r.out().contains("+ bookkeeping pin by java.util.ArrayList"), r::toString);
        JUnitSchema.assertValid(junit);
        String xml = Files.readString(junit, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<failure message=\"" + CHAIN), xml);
    }

    @Test
    void fixedAgainstLeakyImprovesAndPassesTheCheck() throws Exception {
        Path junit = dir.resolve("compare.xml");
        Cli r = Cli.run("compare", "-q", FixtureSet.dump(Variant.LEAKY, 800).toString(),
                FixtureSet.dump(Variant.FIXED, 800).toString(), "--fail-on-regression", "--junit", junit.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("COMPARE: IMPROVED"), r::toString);
        assertTrue(r.out().contains("improved: " + CHAIN), r::toString);
        assertTrue(r.out().contains("bookkeeping pin by java.util.ArrayList is gone"), r::toString);
        JUnitSchema.assertValid(junit);
        assertFalse(Files.readString(junit, StandardCharsets.UTF_8).contains("<failure"));
    }

    @Test
    void fixedAgainstFixedIsUnchanged() throws Exception {
        Cli r = Cli.run("compare", "-q", FixtureSet.dump(Variant.FIXED, 200).toString(),
                FixtureSet.dump(Variant.FIXED, 800).toString(), "--fail-on-regression");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("COMPARE: UNCHANGED\n"), r::toString);
        // 1 snapshot per chain at 200 images and at 800: numbers that differ, evidence that does not.
        assertTrue(r.out().contains("[matched, same evidence] 2 chains: RegistryRef.registry at "), r::toString);
    }

    @Test
    void storedReportsCompareLikeTheirDumps() throws Exception {
        Path base = FixtureSet.report(Variant.FIXED, 800, 1_000);
        Path cur = FixtureSet.report(Variant.LEAKY, 800, 2_000);
        Cli r = Cli.run("compare", "-q", base.toString(), cur.toString(), "--json", "-", "--top", "3");
        assertEquals(0, r.code(), r::toString);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("heapchain.compare/1", doc.path("schema").asText());
        assertEquals("regressed", doc.path("verdict").path("result").asText());
        assertEquals(2, doc.path("chains").size());
        JsonNode chain = doc.path("chains").get(0);
        assertEquals("matched", chain.path("status").asText());
        assertEquals(799, chain.path("snapshotsDelta").asLong());
        assertEquals(1, doc.path("pins").path("new").size());
        assertEquals(3, doc.path("classes").size(), "--top 3");
        assertTrue(doc.path("classes").get(0).path("retainedBytesDelta").asLong() > 1 << 20, doc.toString());
        assertEquals("both", doc.path("epochRanges").get(1).path("name").asText());
        Cli again = Cli.run("compare", "-q", base.toString(), cur.toString(), "--json", "-", "--top", "3");
        assertEquals(r.out(), again.out(), "deterministic");
        Cli mixed = Cli.run("compare", "-q", FixtureSet.dump(Variant.FIXED, 800).toString(), cur.toString());
        assertTrue(mixed.out().startsWith("COMPARE: REGRESSED"), mixed::toString);
    }

    @Test
    void helpShowsPercentSignsOnce() {
        // picocli formats descriptions with String.format: a bare % breaks the line, a doubled one shows.
        String help = (Cli.run("compare", "--help").out() + Cli.run("trend", "--help").out()).replaceAll("\\s+", " ");
        assertTrue(help.contains("more than PCT% of the baseline") && help.contains("(default: 10%,1MB)"), help);
        assertTrue(help.contains("5%/h"), help);
        assertFalse(help.contains("%%"), help);
    }

    @Test
    void badInputsAndOptions() throws Exception {
        Path notReport = Files.writeString(dir.resolve("other.json"), "{\"schema\": \"heapchain.histogram/1\"}");
        String fixed = FixtureSet.report(Variant.FIXED, 200, 1_000).toString();
        Cli r = Cli.run("compare", notReport.toString(), fixed);
        assertEquals(ExitCode.UNREADABLE_DUMP.code(), r.code(), r::toString);
        assertTrue(r.err().contains("is not a heapchain.analyze/2 report"), r::toString);
        Path old = Files.writeString(dir.resolve("old.json"), "{\"schema\": \"heapchain.analyze/1\"}");
        Cli v1 = Cli.run("compare", old.toString(), fixed);
        assertEquals(ExitCode.UNREADABLE_DUMP.code(), v1.code(), v1::toString);
        assertTrue(v1.err().contains("is a heapchain.analyze/1 report, whose verdicts came from epoch arithmetic; analyze its dump again"),
                v1::toString);
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"schema\": ");
        assertEquals(ExitCode.UNREADABLE_DUMP.code(), Cli.run("compare", broken.toString(), fixed).code());
        Cli t = Cli.run("compare", "--threshold", "lots", fixed, fixed);
        assertEquals(ExitCode.USAGE.code(), t.code(), t::toString);
        assertEquals(ExitCode.USAGE.code(), Cli.run("compare", fixed).code());
    }
}
