package dev.heapchain.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden copies of analyze's text and JSON for a synthetic pinned chain: 40 snapshots, so all
 * three verdict rules fire (too long, trailing, pinned). Only the temp path and the tool version
 * are replaced; everything else must be stable to the byte.
 */
class AnalyzeGoldenTest {
    @TempDir
    Path dir;
    private Path dump;

    @BeforeEach
    void write() {
        dump = SnapshotDumps.write(dir.resolve("snapshots.hprof"), new SnapshotDumps.Shape(40, SnapshotDumps.Pin.STRONG, false));
    }

    private String run(String... options) {
        List<String> args = new ArrayList<>(List.of("analyze"));
        args.addAll(Arrays.asList(SnapshotDumps.AD_HOC));
        args.addAll(Arrays.asList(options));
        args.add(dump.toString());
        return Cli.run(args.toArray(String[]::new)).out().replace(dump.toString(), "snapshots.hprof");
    }

    @Test
    void textMatchesGoldenFile() throws IOException {
        Golden.assertMatches("analyze-snapshots.txt", run());
    }

    @Test
    void jsonMatchesGoldenFile() throws IOException {
        String json = run("--json", "-");
        AnalyzeSchema.assertValid(json);
        // The version changes with every release; the golden file should not.
        String version = "\"version\" : \"" + VersionProvider.version() + "\"";
        Golden.assertMatches("analyze-snapshots.json", json.replace(version, "\"version\" : \"VERSION\""));
    }
}
