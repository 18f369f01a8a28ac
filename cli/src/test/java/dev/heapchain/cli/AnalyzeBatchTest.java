package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapchain.fixtures.Variant;
import dev.heapchain.hprof.testing.DumpDamage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** analyze over the dumps of a "cluster": a folder, one table, a report per dump, a JUnit case per dump. */
class AnalyzeBatchTest {
    @TempDir
    Path dir;

    private Path cluster(boolean withBroken) throws Exception {
        Path nodes = Files.createDirectories(dir.resolve("nodes"));
        Files.copy(FixtureSet.dump(Variant.FIXED, 200), nodes.resolve("node-1.hprof"));
        Files.copy(FixtureSet.dump(Variant.LEAKY, 200), nodes.resolve("node-2.hprof"));
        Files.writeString(nodes.resolve("notes.txt"), "not a dump, and not named like one");
        if (withBroken) {
            Files.writeString(nodes.resolve("node-3.hprof"), "JAVA PROFILE 1.0.2 but nothing more");
        }
        return nodes;
    }

    @Test
    void aFolderGivesOneTableAReportAndATestCasePerDump() throws Exception {
        Path nodes = cluster(false);
        Path reports = dir.resolve("reports");
        Path junit = dir.resolve("junit.xml");
        Cli r = Cli.run("analyze", "-q", nodes.toString(), "--json", reports.toString(), "--junit", junit.toString(), "--fail-on-leak");
        assertEquals(ExitCode.LEAK.code(), r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("dump +verdict +chains +snapshots +retained +worst pin"), r::toString);
        assertTrue(lines.get(1).matches(".*node-1\\.hprof +no leak +2 +2 +\\d+ B +-"), r::toString);
        assertTrue(lines.get(2).matches(".*node-2\\.hprof +LEAK +2 +400 .* bookkeeping: java\\.util\\.ArrayList"), r::toString);
        assertTrue(r.out().contains("2 dumps: 1 LEAK, 0 SUSPECT, 0 unreadable"), r::toString);
        assertEquals("heapchain.analyze/2", new ObjectMapper().readTree(reports.resolve("node-2.json").toFile()).path("schema").asText());
        assertTrue(Files.isRegularFile(reports.resolve("node-1.json")));
        JUnitSchema.assertValid(junit);
        String xml = Files.readString(junit, StandardCharsets.UTF_8);
        assertTrue(xml.contains("tests=\"2\" failures=\"1\" errors=\"0\""), xml);
        assertTrue(xml.contains("name=\"leak verdict: " + nodes.resolve("node-2.hprof") + "\""), xml);
    }

    @Test
    void anUnreadableDumpGetsAnErrorRowAndTheOthersStillRun() throws Exception {
        Path nodes = cluster(true);
        Path junit = dir.resolve("junit.xml");
        Cli r = Cli.run("analyze", "-q", nodes.resolve("node-3.hprof").toString(), nodes.resolve("node-1.hprof").toString(),
                "--junit", junit.toString());
        assertEquals(ExitCode.UNREADABLE_DUMP.code(), r.code(), r::toString);
        assertTrue(r.out().contains("node-3.hprof  ERROR"), r::toString);
        assertTrue(r.out().contains("2 dumps: 0 LEAK, 0 SUSPECT, 1 unreadable"), r::toString);
        assertTrue(r.err().contains("heapchain: error: "), r::toString);
        JUnitSchema.assertValid(junit);
        assertTrue(Files.readString(junit, StandardCharsets.UTF_8).contains("tests=\"2\" failures=\"0\" errors=\"1\""));
    }

    @Test
    void severalDumpsNeedAJsonFolder() throws Exception {
        Path nodes = cluster(false);
        Cli r = Cli.run("analyze", nodes.toString(), "--json", "-");
        assertEquals(ExitCode.USAGE.code(), r.code(), r::toString);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(ExitCode.USAGE.code(), Cli.run("analyze", empty.toString()).code());
    }

    @Test
    void aDumpAndItsGzipBesideItGetTwoReports() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("jcmd"));
        Path plain = SnapshotDumps.write(folder.resolve("kafka-1.hprof"), new SnapshotDumps.Shape(5, SnapshotDumps.Pin.NONE, false));
        Path gz = Files.write(folder.resolve("kafka-1.hprof.gz"), DumpDamage.gzipChunked(Files.readAllBytes(plain), 4096));
        Path reports = dir.resolve("reports");
        String[] args = {"analyze", "-q", folder.toString(), "--json", reports.toString()};
        Cli r = Cli.run(concat(args, SnapshotDumps.AD_HOC));
        assertEquals(ExitCode.OK.code(), r.code(), r::toString);
        ObjectMapper m = new ObjectMapper();
        assertEquals(plain.toString(), m.readTree(reports.resolve("kafka-1.json").toFile()).at("/dump/file").asText());
        assertEquals(gz.toString(), m.readTree(reports.resolve("kafka-1.hprof.gz.json").toFile()).at("/dump/file").asText());
        try (var listing = Files.list(reports)) {
            assertEquals(2, listing.count());
        }

        // The same name in two folders is still a clash: no rule tells the two reports apart.
        Path other = Files.createDirectories(dir.resolve("other"));
        Path twin = Files.copy(plain, other.resolve("kafka-1.hprof"));
        Cli clash = Cli.run(concat(new String[]{"analyze", "-q", plain.toString(), twin.toString(), "--json", reports.toString()},
                SnapshotDumps.AD_HOC));
        assertEquals(ExitCode.USAGE.code(), clash.code(), clash::toString);
        assertTrue(clash.err().contains("would both write kafka-1.json"), clash::toString);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
