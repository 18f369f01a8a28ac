package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.DumpDamage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedders and tests call Main.run from several threads: four different dumps analyzed at once
 * must give byte-identical JSON to the same dumps analyzed one at a time (no shared mutable
 * state, per-thread temp copies).
 */
class ConcurrentAnalyzeTest {
    @TempDir
    Path dir;

    @Test
    void fourDumpsInParallelMatchOneAtATime() throws Exception {
        List<Path> dumps = List.of(
                snapshots("pinned.hprof", 60, SnapshotDumps.Pin.STRONG, false),
                snapshots("weak.hprof", 20, SnapshotDumps.Pin.WEAK, false),
                snapshots("boxed.hprof", 45, SnapshotDumps.Pin.NONE, true),
                Files.write(dir.resolve("gz.hprof.gz"), DumpDamage.gzip(Files.readAllBytes(
                        snapshots("plain.hprof", 33, SnapshotDumps.Pin.STRONG, false)))));
        List<String> sequential = new ArrayList<>();
        for (Path d : dumps) {
            sequential.add(analyze(d));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<String>> parallel = new ArrayList<>();
                for (Path d : dumps) {
                    parallel.add(pool.submit((Callable<String>) () -> analyze(d)));
                }
                for (int i = 0; i < dumps.size(); i++) {
                    assertEquals(sequential.get(i), parallel.get(i).get(), "round " + round + ": " + dumps.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Path snapshots(String name, int count, SnapshotDumps.Pin pin, boolean boxed) throws Exception {
        DumpBuilder b = DumpBuilder.hotspot().shuffled(count).segments(3);
        SnapshotDumps.build(b, new SnapshotDumps.Shape(count, pin, boxed));
        return Files.write(dir.resolve(name), b.toBytes());
    }

    private String analyze(Path dump) {
        String[] args = Stream.concat(Stream.of("analyze", "-q", dump.toString(), "--json", "-", "--include-values"),
                Stream.of(SnapshotDumps.AD_HOC)).toArray(String[]::new);
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), r::toString);
        return r.out();
    }
}
