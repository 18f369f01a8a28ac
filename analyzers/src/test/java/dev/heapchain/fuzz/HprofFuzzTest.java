package dev.heapchain.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.testing.DumpDamage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer over the reader, graph builder and analyses ({@link FuzzTarget}).
 * Inputs whose outcome has a new shape (another check fired, another warning kind) join the pool,
 * a cheap stand-in for coverage feedback. Any exception but a format error, and any execution
 * over {@link #HANG}, is a crash: it is shrunk, saved as hex under target/fuzz-crashers, and fails
 * the test. {@code -Dheapchain.fuzz.executions=N} (the fuzz profile: 1M), {@code -Dheapchain.fuzz.seed=S}.
 */
class HprofFuzzTest {
    static final long HANG = 10;
    private static final int POOL_LIMIT = 4000;

    @TempDir
    Path tmp;

    @Test
    void mutatedDumpsFailOnlyWithFormatErrors() throws Exception {
        long executions = Long.getLong("heapchain.fuzz.executions", 20_000);
        long seed = Long.getLong("heapchain.fuzz.seed", 8L);
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random);
        List<byte[]> seeds = FuzzSeeds.all();
        List<byte[]> pool = new ArrayList<>(seeds);
        Map<String, Long> shapes = new HashMap<>();
        Map<String, byte[]> crashes = new LinkedHashMap<>();
        Path input = tmp.resolve("input.hprof");
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "fuzz-target"));
        long start = System.nanoTime();
        long gzipped = 0;
        try {
            for (long n = 0; n < executions; n++) {
                if (n > 0 && n % 100_000 == 0) {
                    // Long runs: a line per 100k, so a run stopped early still has its figures.
                    System.out.printf("fuzz: %d executions in %.0f s, %d crashes%n", n, (System.nanoTime() - start) / 1e9,
                            crashes.size());
                }
                byte[] bytes = mutator.mutate(pool.get(random.nextInt(pool.size())), seeds);
                // Some inputs go through gzip: the inflate-once path and the streaming one.
                boolean gzip = random.nextInt(25) == 0;
                gzipped += gzip ? 1 : 0;
                Outcome o = execute(worker, input, gzip ? DumpDamage.gzip(bytes) : bytes);
                if (o.crash != null) {
                    crashes.computeIfAbsent(o.crash, k -> shrink(worker, input, bytes, k, gzip));
                    if (o.hang) {
                        break; // the stuck worker cannot be reused
                    }
                    continue;
                }
                if (shapes.merge(o.shape, 1L, Long::sum) == 1 && pool.size() < POOL_LIMIT && bytes.length < (256 << 10)
                        && RecordScan.validHeader(bytes)) {
                    // A broken header ends every descendant at the first check: such inputs teach nothing.
                    pool.add(bytes);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String figures = String.format("fuzz: %d executions (%d through gzip) in %.0f s, %.0f/s, seed %d, %d seeds,"
                        + " %d outcome shapes, pool %d, crashes %d", executions, gzipped, seconds, executions / seconds, seed,
                seeds.size(), shapes.size(), pool.size(), crashes.size());
        System.out.println(figures);
        report(figures, shapes, crashes);
        assertTrue(crashes.isEmpty(), () -> figures + "\ncrashers (hex under target/fuzz-crashers):\n"
                + String.join("\n", crashes.keySet()));
    }

    private record Outcome(String shape, String crash, boolean hang) {
    }

    private static Outcome execute(ExecutorService worker, Path input, byte[] bytes) {
        write(input, bytes);
        Future<String> f = worker.submit(() -> FuzzTarget.run(input, input.getParent()));
        try {
            return new Outcome(f.get(HANG, TimeUnit.SECONDS), null, false);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Outcome(null, "hang: more than " + HANG + " s", true);
        } catch (java.util.concurrent.ExecutionException e) {
            return new Outcome(null, signature(e.getCause()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Exception class, message shape and the first heapchain frame: one bug, one signature. */
    static String signature(Throwable t) {
        String where = "";
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("dev.heapchain.") && !e.getClassName().startsWith("dev.heapchain.fuzz.")) {
                where = " at " + e.getClassName().substring("dev.heapchain.".length()) + "." + e.getMethodName()
                        + ":" + e.getLineNumber();
                break;
            }
        }
        return t.getClass().getSimpleName() + where + ": " + FuzzTarget.shape(String.valueOf(t.getMessage()));
    }

    /** Deletes ever smaller chunks while the same crash persists (bounded), so a regression test stays tiny. */
    private static byte[] shrink(ExecutorService worker, Path input, byte[] crasher, String signature, boolean gzip) {
        if (signature.startsWith("hang")) {
            return crasher;
        }
        byte[] best = crasher;
        int budget = 3000;
        for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && budget > 0; chunk /= 2) {
            for (int at = 0; at + chunk <= best.length && budget > 0; ) {
                byte[] candidate = new byte[best.length - chunk];
                System.arraycopy(best, 0, candidate, 0, at);
                System.arraycopy(best, at + chunk, candidate, at, best.length - at - chunk);
                budget--;
                Outcome o = execute(worker, input, gzip ? DumpDamage.gzip(candidate) : candidate);
                if (signature.equals(o.crash)) {
                    best = candidate;
                } else {
                    at += chunk;
                }
            }
        }
        return best;
    }

    private static void report(String figures, Map<String, Long> shapes, Map<String, byte[]> crashes) throws IOException {
        Path dir = Path.of("target", "fuzz-crashers");
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p); // crashers of an earlier run would read as this run's
            }
        }
        StringBuilder sb = new StringBuilder(figures).append('\n');
        int i = 0;
        for (Map.Entry<String, byte[]> c : crashes.entrySet()) {
            Files.writeString(dir.resolve("crash-" + (++i) + ".hex"), c.getKey() + "\n" + HexFormat.of().formatHex(c.getValue()) + "\n");
        }
        shapes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sb.append(String.format("%9d  %s%n", e.getValue(), e.getKey())));
        Files.writeString(Path.of("target", "fuzz-report.txt"), sb);
    }

    private static void write(Path p, byte[] bytes) {
        try {
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
