package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapchain.fixtures.FixtureDumps;
import dev.heapchain.fixtures.Variant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on real dumps of the bundled snapshot module (a child JVM writes each): the leaky
 * variant after a 3-image catch-up keeps epoch 0 at the head of its live-epoch list, the fixed
 * variant and a single catch-up image do not. 300 images keep each dump near 6 MB.
 */
class AnalyzeFixtureTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int IMAGES = 300;
    private static final long SEED = 42L;

    @TempDir
    static Path dir;
    private static String leaky;
    private static String fixed;
    private static String oneCatchUp;

    @BeforeAll
    static void writeDumps() throws IOException {
        leaky = FixtureDumps.write(Variant.LEAKY, IMAGES, 3, 0, SEED, dir.resolve("leaky.hprof")).toString();
        fixed = FixtureDumps.write(Variant.FIXED, IMAGES, 3, 0, SEED, dir.resolve("fixed.hprof")).toString();
        oneCatchUp = FixtureDumps.write(Variant.LEAKY, IMAGES, 1, 0, SEED, dir.resolve("leaky-1.hprof")).toString();
    }

    /** The JSON document on stdout, held to the published schema. */
    static JsonNode json(String dump) throws IOException {
        Cli r = Cli.run("analyze", "--quiet", "--json", "-", dump);
        assertEquals(ExitCode.OK.code(), r.code(), r::toString);
        AnalyzeSchema.assertValid(r.out());
        return MAPPER.readTree(r.out());
    }

    private static List<JsonNode> pins(JsonNode root, String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode chain : root.get("chains")) {
            for (JsonNode pin : chain.get("pins")) {
                if (pin.get("kind").asText().equals(kind)) {
                    out.add(pin);
                }
            }
        }
        return out;
    }

    @Test
    void leakyNamesTheBookkeepingPin() throws IOException {
        JsonNode root = json(leaky);
        assertEquals("leak", root.at("/verdict/outcome").asText(), root::toPrettyString);
        List<JsonNode> pins = pins(root, "bookkeeping");
        // One live-epoch list per registry: S3 objects and S3 streams.
        assertEquals(2, pins.size(), root::toPrettyString);
        for (JsonNode pin : pins) {
            assertEquals(0, pin.get("headEpoch").asLong(), pin::toPrettyString);
            assertTrue(pin.get("liveEpochs").asText().startsWith("[0, 1,"), pin::toPrettyString);
            assertTrue(pin.get("explanation").asText().contains("the handle for epoch 0 was dropped without being released"),
                    pin::toPrettyString);
            assertEquals("liveEpochs", last(pin.get("pathToHolder")).get("field").asText(), pin::toPrettyString);
        }
        for (JsonNode chain : root.get("chains")) {
            assertEquals("org.apache.kafka.timeline.SnapshotRegistry", chain.get("container").get("class").asText());
            assertEquals(IMAGES, chain.get("length").asLong());
            assertEquals(0, chain.get("minEpoch").asLong());
            assertEquals(IMAGES - 1, chain.get("maxEpoch").asLong());
            assertEquals(1, chain.get("pins").size(), "only the bookkeeping pin: " + chain.toPrettyString());
            assertEquals("RegistryRef.registry", chain.at("/owner/label").asText(), chain::toPrettyString);
            assertEquals("leak", chain.get("outcome").asText());
            assertEquals(List.of("bookkeeping-pin"), kinds(chain.get("reasons")), chain::toPrettyString);
            // The head of liveEpochs is the watermark: nothing below it, all the rest waits above.
            assertEquals("liveEpochs[0]", chain.at("/watermark/field").asText(), chain::toPrettyString);
            assertEquals(0, chain.at("/watermark/below").asLong());
            assertEquals(IMAGES - 1, chain.at("/watermark/above").asLong());
        }
        assertEquals(1, root.get("groups").size(), root::toPrettyString);
        assertEquals(IMAGES, root.at("/groups/0/epochs").size());
        assertEquals(2, root.at("/targets/sentinels").asLong(), "one registry head each, counted apart");
        assertEquals(2 * IMAGES, root.at("/targets/snapshots").asLong());
        assertTrue(root.get("discovered").isEmpty());
    }

    @Test
    void leakyExitsFourOnlyWithFailOnLeak() {
        Cli failing = Cli.run("analyze", "--quiet", "--fail-on-leak", leaky);
        assertEquals(ExitCode.LEAK.code(), failing.code(), failing::toString);
        // The headline: outcome, who holds how much of the heap, why, and where to look.
        String headline = failing.out().lines().findFirst().orElse("");
        assertTrue(headline.matches("VERDICT: LEAK: RegistryRef\\.registry \\(2 chains\\) holds \\d+\\.\\d [KM]B \\(\\d+\\.\\d% of the "
                + "reachable heap\\) because the head of its live-epoch list, epoch 0, has no handle left to release it; look at "
                + "RegistryRef\\.liveEpochs and who releases its handles\\."), headline);
        List<String> reasons = failing.out().lines().filter(l -> l.startsWith("  - ")).toList();
        assertEquals(1, reasons.size(), "one finding on both chains of the group is said once: " + reasons);
        assertTrue(reasons.get(0).startsWith("  - [leak] RegistryRef.registry at ") && reasons.get(0)
                .endsWith(" (and 1 more RegistryRef.registry chain with this finding, bookkeeping-pin)"), reasons.get(0));
        Cli plain = Cli.run("analyze", "--quiet", leaky);
        assertEquals(ExitCode.OK.code(), plain.code(), plain::toString);
        assertEquals(failing.out(), plain.out(), "the option changes the exit code, not the report");
        assertEquals("", plain.err(), "--quiet: nothing on stderr");
    }

    @Test
    void leakyTextIsReadable() {
        String out = Cli.run("analyze", "--quiet", leaky).out();
        assertTrue(out.contains("300 snapshots, epochs 0..299, retains "), out);
        assertTrue(out.matches("(?s).*retains \\d+\\.\\d [KMG]B  \\[leak\\]\\n.*"), "sizes in KB/MB with one decimal:\n" + out);
        assertTrue(out.contains("PIN (bookkeeping): "), out);
        assertTrue(out.contains("Snapshots: 600 in 2 chains; 2 list-head sentinels counted apart"), out);
        assertTrue(out.indexOf("Owners: 1 group") < out.indexOf("RegistryRef.registry (10 of 300 epochs, by retained size)"), out);
    }

    @Test
    void fixedHasNoLeakEvenWithFailOnLeak() throws IOException {
        Cli r = Cli.run("analyze", "--quiet", "--fail-on-leak", fixed);
        assertEquals(ExitCode.OK.code(), r.code(), r::toString);
        assertTrue(r.out().lines().findFirst().orElse("").startsWith("VERDICT: no leak: "), r::toString);
        JsonNode root = json(fixed);
        assertEquals("no leak", root.at("/verdict/outcome").asText(), root::toPrettyString);
        assertTrue(pins(root, "bookkeeping").isEmpty() && pins(root, "direct").isEmpty(), root::toPrettyString);
        for (JsonNode chain : root.get("chains")) {
            assertTrue(chain.get("length").asLong() <= 3, chain::toPrettyString);
        }
    }

    @Test
    void oneCatchUpImageLeaksNothing() throws IOException {
        Cli r = Cli.run("analyze", "--quiet", "--fail-on-leak", oneCatchUp);
        assertEquals(ExitCode.OK.code(), r.code(), r::toString);
        assertEquals("no leak", json(oneCatchUp).at("/verdict/outcome").asText());
    }

    @Test
    void sameDumpGivesByteIdenticalJson() {
        Cli a = Cli.run("analyze", "--quiet", "--json", "-", leaky);
        Cli b = Cli.run("analyze", "--quiet", "--json", "-", leaky);
        assertTrue(a.out().length() > 10_000, a::toString);
        assertEquals(a.out(), b.out());
    }

    @Test
    void jsonToAFileKeepsTheTextOnStdout() throws IOException {
        Path out = dir.resolve("leaky.json");
        Cli r = Cli.run("analyze", "--quiet", "--json", out.toString(), leaky);
        assertEquals(ExitCode.OK.code(), r.code(), r::toString);
        assertTrue(r.out().startsWith("VERDICT: LEAK"), r::toString);
        String written = Files.readString(out, StandardCharsets.UTF_8);
        AnalyzeSchema.assertValid(written);
        assertEquals(Cli.run("analyze", "--quiet", "--json", "-", leaky).out(), written);
    }

    static List<String> kinds(JsonNode reasons) {
        List<String> out = new ArrayList<>();
        reasons.forEach(r -> out.add(r.get("kind").asText()));
        return out;
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
