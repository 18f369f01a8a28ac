package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of docs/guide.md's analyze section run against a dump they describe. */
class GuideProfileExampleTest {
    private static final Path GUIDE = Path.of("..", "docs", "guide.md");
    private static final String MARKER = "<!-- profile-example";
    @TempDir
    Path dir;

    private static String guide() throws IOException {
        return Files.readString(GUIDE, StandardCharsets.UTF_8);
    }

    /** The first ```json block after the marker. */
    static String profileExample(String guide) {
        int marker = guide.indexOf(MARKER);
        assertTrue(marker >= 0, "no " + MARKER + " in " + GUIDE);
        int start = guide.indexOf("```json\n", marker) + "```json\n".length();
        int end = guide.indexOf("```", start);
        return guide.substring(start, end);
    }

    @Test
    void profileFileExampleFindsTheChainAndItsOwner() throws IOException {
        Path profile = Files.writeString(dir.resolve("profile.json"), profileExample(guide()), StandardCharsets.UTF_8);
        Path dump = SnapshotDumps.write(dir.resolve("s.hprof"), new SnapshotDumps.Shape(40, SnapshotDumps.Pin.STRONG, false));
        Cli r = Cli.run("analyze", "--quiet", "--profile-file", profile.toString(), "--json", "-", dump.toString());
        assertEquals(ExitCode.OK.code(), r.code(), r::toString);
        AnalyzeSchema.assertValid(r.out());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("metadata-snapshots", root.get("profile").get("name").asText());
        JsonNode chain = root.get("chains").get(0);
        assertEquals("com.example.SnapshotStore", chain.get("container").get("class").asText(), chain::toPrettyString);
        assertEquals(40, chain.get("length").asLong());
        assertEquals("com.example.CatchUpTask", chain.get("pins").get(0).get("holder").get("class").asText());
    }

    @Test
    void adHocExampleUsesTheOptionsTheTestsUse() throws IOException {
        String line = guide().lines().filter(l -> l.startsWith("heapchain analyze heap.hprof --class")).findFirst().orElse("");
        String[] words = line.split(" ");
        assertEquals(Arrays.asList(SnapshotDumps.AD_HOC), Arrays.asList(words).subList(3, words.length), line);
    }
}
