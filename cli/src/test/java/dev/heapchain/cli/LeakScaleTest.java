package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapchain.fixtures.Variant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The snapshot module at the scale of the AutoMQ soak test (issue 5): after 2,000 images with a
 * 3-image catch-up the leaky variant keeps every snapshot and the fixed one a handful, and the
 * leaky chains grow with the number of images while the fixed ones stay flat. (A single catch-up
 * image leaking nothing is AnalyzeFixtureTest's.)
 */
class LeakScaleTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int IMAGES = 2_000;

    /** The analyze document of a fixture dump (made once per test JVM by FixtureSet). */
    private static JsonNode analyze(Variant v, int images) throws Exception {
        Cli r = Cli.run("analyze", "-q", "--json", "-", FixtureSet.dump(v, images).toString());
        assertEquals(0, r.code(), r::toString);
        return MAPPER.readTree(r.out());
    }

    private static long chainRetained(JsonNode doc) {
        long sum = 0;
        for (JsonNode c : doc.get("chains")) {
            sum += c.get("retainedBytes").asLong();
        }
        return sum;
    }

    @Test
    void leakyKeepsEverySnapshotAndNamesTheStalledList() throws Exception {
        JsonNode doc = analyze(Variant.LEAKY, IMAGES);
        assertEquals("leak", doc.at("/verdict/outcome").asText(), "LEAK");
        JsonNode chains = doc.get("chains");
        assertEquals(2, chains.size(), "one registry for S3 objects, one for streams");
        for (JsonNode c : chains) {
            String where = "chain " + c.at("/container/class").asText() + " of length " + c.get("length");
            assertTrue(c.get("length").asLong() >= IMAGES, where);
            assertEquals(0, c.get("minEpoch").asLong(), where);
            List<JsonNode> stalled = new ArrayList<>();
            c.get("pins").forEach(p -> {
                if (p.get("kind").asText().equals("bookkeeping") && p.get("headEpoch").asLong() == 0) {
                    stalled.add(p);
                }
            });
            assertEquals(1, stalled.size(), where + " has one bookkeeping pin with head epoch 0: " + c.get("pins"));
            assertTrue(stalled.get(0).get("explanation").asText().startsWith("The live-epoch list "),
                    stalled.get(0).get("explanation").asText());
        }
    }

    @Test
    void fixedKeepsAHandful() throws Exception {
        JsonNode doc = analyze(Variant.FIXED, IMAGES);
        assertEquals("no leak", doc.at("/verdict/outcome").asText(), "no leak");
        assertFalse(doc.get("chains").isEmpty(), "the registries are still found");
        for (JsonNode c : doc.get("chains")) {
            assertTrue(c.get("length").asLong() <= 3, c.toString());
            assertEquals(0, c.get("pins").size(), c.toString());
        }
    }

    @Test
    void leakyChainsGrowWithTheImagesAndFixedOnesStayFlat() throws Exception {
        long[] leaky = {chainRetained(analyze(Variant.LEAKY, 500)), chainRetained(analyze(Variant.LEAKY, 1_000)),
                chainRetained(analyze(Variant.LEAKY, IMAGES))};
        String l = "leaky retained at 500, 1,000, 2,000 images: " + java.util.Arrays.toString(leaky);
        assertTrue(leaky[0] < leaky[1] && leaky[1] < leaky[2], l);
        // Each image adds a snapshot and its old values, so doubling the images about doubles the bytes.
        assertTrue(leaky[1] > 1.5 * leaky[0] && leaky[2] > 1.5 * leaky[1], l);
        assertTrue(leaky[2] < 2.5 * leaky[1], "growth is linear, not worse: " + l);

        long[] fixed = {chainRetained(analyze(Variant.FIXED, 500)), chainRetained(analyze(Variant.FIXED, 1_000)),
                chainRetained(analyze(Variant.FIXED, IMAGES))};
        String f = "fixed retained at 500, 1,000, 2,000 images: " + java.util.Arrays.toString(fixed);
        for (long x : fixed) {
            assertTrue(x > 0 && Math.abs(x - fixed[0]) <= 0.1 * fixed[0], f);
        }
        assertTrue(leaky[0] > 100 * fixed[0], "even the shortest leaky run holds far more: " + l + "; " + f);
    }
}
