package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.DumpDamage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dump is evidence: every command reads it from a read-only folder and leaves that folder
 * exactly as it was (names, sizes, modification times), writing reports elsewhere and temporary
 * copies only under --tmp, which is empty again when the command returns. (Tests may run as root,
 * which ignores permissions; the comparison catches any write regardless.)
 */
class ReadOnlyInputTest {
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path root;
    private Path in;
    private Path out;
    private Path tmp;
    private Path a;
    private Path b;
    private Path gz;

    @BeforeEach
    void dumps() throws IOException {
        in = Files.createDirectory(root.resolve("in"));
        out = Files.createDirectory(root.resolve("out"));
        tmp = Files.createDirectory(root.resolve("tmp"));
        a = write("a.hprof", 10, 1_700_000_000_000L);
        b = write("b.hprof", 40, 1_700_000_000_000L + HOUR);
        gz = Files.write(in.resolve("c.hprof.gz"), DumpDamage.gzipChunked(Files.readAllBytes(b), 4096));
        for (Path p : List.of(a, b, gz, in)) {
            p.toFile().setWritable(false, false);
        }
    }

    @AfterEach
    void writableAgain() {
        in.toFile().setWritable(true); // so the temp folder can be cleaned up
    }

    private Path write(String name, int snapshots, long capturedAt) throws IOException {
        DumpBuilder builder = DumpBuilder.hotspot().timestampMillis(capturedAt);
        SnapshotDumps.build(builder, new SnapshotDumps.Shape(snapshots, SnapshotDumps.Pin.STRONG, false));
        return Files.write(in.resolve(name), builder.toBytes());
    }

    @Test
    void everyCommandLeavesTheDumpFolderAlone() throws IOException {
        List<String> before = listing(in);
        String[] p = SnapshotDumps.AD_HOC;
        List<String[]> commands = List.of(
                args("histogram", a),
                args("histogram", gz, "--json", out.resolve("h.json")),
                args("top", a, "--json", out.resolve("top.json")),
                args("top", gz, "--tmp", tmp),
                args("paths", a, "--class", SnapshotDumps.SNAPSHOT, "--json", out.resolve("paths.json")),
                concat(args("analyze", a, "--json", out.resolve("a.json"), "--html", out.resolve("a.html")), p),
                concat(args("analyze", gz, "--tmp", tmp, "--json", out.resolve("gz.json")), p),
                concat(args("analyze", in, "--tmp", tmp, "--json", out.resolve("batch")), p),
                concat(args("compare", a, gz, "--tmp", tmp, "--json", out.resolve("compare.json")), p),
                concat(args("trend", a, b, gz, "--tmp", tmp, "--json", out.resolve("trend.json")), p));
        for (String[] c : commands) {
            Cli r = Cli.run(c);
            assertEquals(0, r.code(), () -> String.join(" ", c) + ": " + r);
            assertEquals(before, listing(in), () -> String.join(" ", c) + " changed the dump folder");
            CompressedDamageTest.assertEmpty(tmp);
        }
    }

    @Test
    void aReportIsNeverWrittenOverAnInput() throws IOException {
        in.toFile().setWritable(true);
        a.toFile().setWritable(true); // even where the file system would allow it
        List<String> before = listing(in);
        for (String[] c : List.of(args("histogram", a, "--json", a), concat(args("analyze", a, "--html", a), SnapshotDumps.AD_HOC),
                concat(args("compare", a, b, "--junit", b), SnapshotDumps.AD_HOC))) {
            Cli r = Cli.run(c);
            assertEquals(2, r.code(), () -> String.join(" ", c) + ": " + r);
            assertEquals(before, listing(in), () -> String.join(" ", c) + " changed the dump folder");
        }
    }

    /** Name, size and modification time of everything under the folder, itself included. */
    static List<String> listing(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted().toList()) {
                out.add(folder.relativize(p) + " " + (Files.isDirectory(p) ? "dir" : Files.size(p)) + " "
                        + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    private static String[] args(Object... parts) {
        return Stream.of(parts).map(String::valueOf).toArray(String[]::new);
    }

    private static String[] concat(String[] first, String[] second) {
        return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
    }
}
