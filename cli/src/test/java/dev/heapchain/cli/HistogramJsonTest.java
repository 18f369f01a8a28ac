package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code histogram --json}: versioned, self-consistent and deterministic. */
class HistogramJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    @TempDir
    Path dir;
    private String dump;

    @BeforeEach
    void write() throws IOException {
        dump = TinyDumps.tiny(dir).toString();
    }

    private JsonNode json(String... extra) throws IOException {
        String[] args = new String[extra.length + 4];
        args[0] = "histogram";
        args[1] = "--json";
        args[2] = "-";
        System.arraycopy(extra, 0, args, 3, extra.length);
        args[args.length - 1] = dump;
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), r::toString);
        return MAPPER.readTree(r.out());
    }

    @Test
    void schemaAndTotalsEqualTheSumOfRows() throws IOException {
        JsonNode root = json();
        assertEquals("heapchain.histogram/1", root.get("schema").asText());
        long instances = 0;
        long bytes = 0;
        for (JsonNode row : root.get("classes")) {
            instances += row.get("instances").asLong();
            bytes += row.get("shallowBytes").asLong();
        }
        JsonNode totals = root.get("totals");
        assertTrue(root.get("classes").size() > 5);
        assertEquals(totals.get("instances").asLong(), instances);
        assertEquals(totals.get("shallowBytes").asLong(), bytes);
        assertEquals(root.get("classes").size(), totals.get("classes").asInt());
        assertEquals(root.get("dump").get("objects").asLong(), instances, "every object is in one row");
        assertTrue(root.get("sizeModel").get("id").isTextual(), "the size model is named");
        assertEquals(9, rowInstances(root, "com.example.cache.Entry"));
        assertEquals(1, rowInstances(root, "com.example.cache.Entry[]"));
    }

    @Test
    void byteIdenticalAcrossRuns() {
        Cli a = Cli.run("histogram", "--json", "-", dump);
        Cli b = Cli.run("histogram", "--json", "-", dump);
        assertEquals(a.out(), b.out());
        assertTrue(a.out().length() > 100);
    }

    @Test
    void topLimitsRowsButNotTotals() throws IOException {
        JsonNode full = json();
        JsonNode top = json("--top", "2");
        assertEquals(2, top.get("classes").size());
        assertEquals(full.get("totals"), top.get("totals"));
        assertEquals(full.get("classes").get(0), top.get("classes").get(0));
        assertEquals(full.get("classes").get(1), top.get("classes").get(1));
    }

    @Test
    void jsonToAFileLeavesTheTextReportOnStdout() throws IOException {
        Path out = dir.resolve("h.json");
        Cli r = Cli.run("histogram", "--json", out.toString(), dump);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Total"), r::toString);
        assertEquals("heapchain.histogram/1",
                MAPPER.readTree(Files.readString(out, StandardCharsets.UTF_8)).get("schema").asText());
    }

    private static long rowInstances(JsonNode root, String name) {
        for (JsonNode row : root.get("classes")) {
            if (row.get("class").asText().equals(name)) {
                return row.get("instances").asLong();
            }
        }
        return -1;
    }
}
