package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapchain.fixtures.Variant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trend over leaky and fixed runs of growing length, an hour apart, from stored reports and from dumps. */
class TrendCommandTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;

    /** Reports of runs of 200, 400 and 800 images, captured at T0, +1 h and +3 h; given newest first. */
    private static String[] series(Variant v) throws Exception {
        return new String[]{FixtureSet.report(v, 800, T0 + 3 * HOUR).toString(),
                FixtureSet.report(v, 200, T0).toString(), FixtureSet.report(v, 400, T0 + HOUR).toString()};
    }

    private static String[] args(String[] inputs, String... more) {
        String[] all = new String[1 + inputs.length + more.length];
        all[0] = "trend";
        System.arraycopy(inputs, 0, all, 1, inputs.length);
        System.arraycopy(more, 0, all, 1 + inputs.length, more.length);
        return all;
    }

    @Test
    void leakyRunsFailTheGrowthCheck() throws Exception {
        Path junit = dir.resolve("trend.xml");
        Cli r = Cli.run(args(series(Variant.LEAKY), "-q", "--fail-on-growth", "100KB/h", "--junit", junit.toString()));
        assertEquals(ExitCode.LEAK.code(), r.code(), r::toString);
        assertTrue(r.out().startsWith("TREND: GROWTH over 100.0 KB/h"), r::toString);
        assertTrue(r.out().contains("over 3 dumps spanning 3.0 h"), r::toString);
        JUnitSchema.assertValid(junit);
        assertTrue(Files.readString(junit, StandardCharsets.UTF_8).contains("<failure message=\"snapshot chains grow by"));
        Cli pct = Cli.run(args(series(Variant.LEAKY), "-q", "--fail-on-growth", "5%/h"));
        assertEquals(ExitCode.LEAK.code(), pct.code(), pct::toString);
    }

    @Test
    void fixedRunsPassIt() throws Exception {
        Path junit = dir.resolve("trend.xml");
        Cli r = Cli.run(args(series(Variant.FIXED), "-q", "--fail-on-growth", "100KB/h", "--junit", junit.toString(),
                "--json", dir.resolve("trend.json").toString()));
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("TREND: growth within 100.0 KB/h"), r::toString);
        JUnitSchema.assertValid(junit);
        JsonNode doc = new ObjectMapper().readTree(dir.resolve("trend.json").toFile());
        assertEquals("heapchain.trend/1", doc.path("schema").asText());
        assertEquals(T0, doc.path("dumps").get(0).path("capturedAtEpochMillis").asLong(), "oldest first");
        assertEquals(T0 + 3 * HOUR, doc.path("dumps").get(2).path("capturedAtEpochMillis").asLong());
        assertEquals(0, doc.path("growth").path("chainRetainedBytes").path("bytesPerHour").asLong());
        assertEquals(false, doc.path("check").path("failed").asBoolean());
    }

    @Test
    void dumpsAreOrderedByTheirHeaderTimestamp() throws Exception {
        Cli r = Cli.run("trend", "-q", FixtureSet.dump(Variant.LEAKY, 400).toString(),
                FixtureSet.dump(Variant.LEAKY, 200).toString(), "--json", "-");
        assertEquals(0, r.code(), r::toString);
        JsonNode dumps = new ObjectMapper().readTree(r.out()).path("dumps");
        assertEquals(2, dumps.size());
        assertTrue(dumps.get(0).path("capturedAtEpochMillis").asLong() < dumps.get(1).path("capturedAtEpochMillis").asLong());
    }

    @Test
    void usageErrors() throws Exception {
        String[] s = series(Variant.FIXED);
        Cli bad = Cli.run(args(s, "--fail-on-growth", "fast"));
        assertEquals(ExitCode.USAGE.code(), bad.code(), bad::toString);
        assertTrue(bad.err().contains("10MB/h"), bad::toString);
        assertEquals(ExitCode.USAGE.code(), Cli.run("trend", s[0]).code());
        Cli same = Cli.run("trend", s[0], s[0]);
        assertEquals(ExitCode.USAGE.code(), same.code(), same::toString);
        assertTrue(same.err().contains("same capture time"), same::toString);
    }
}
