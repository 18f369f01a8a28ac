package dev.heapchain.cli;

import dev.heapchain.corpus.Corpus;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.DumpDamage;
import dev.heapchain.hprof.testing.HprofTag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump cut short, as by a full disk or a killed process, through the commands a person runs
 * first: {@code histogram} and {@code analyze}. Cuts go at every record boundary, at every
 * sub-record boundary of one segment, and at 200 seeded random offsets. Corpus dumps have tens of
 * thousands of records, so by default each gets an even sample of {@link #CORPUS_SAMPLE} cuts of
 * each kind; {@code -Dheapchain.sweep.full=true} cuts them everywhere too (minutes, not seconds).
 */
class TruncationSweepTest {
    private static final long SEED = 20_261_129L;
    private static final int RANDOM_CUTS = 200;
    private static final int CORPUS_SAMPLE = 30;
    private static final boolean FULL = Boolean.getBoolean("heapchain.sweep.full");

    @TempDir
    Path dir;

    @Test
    void testWriterDumpCutEverywhere() throws IOException {
        DumpBuilder b = DumpBuilder.hotspot().segments(3);
        SnapshotDumps.build(b, new SnapshotDumps.Shape(40, SnapshotDumps.Pin.STRONG, false));
        sweep("snapshots.hprof", b.toBytes(), Integer.MAX_VALUE, RANDOM_CUTS, SnapshotDumps.AD_HOC);
    }

    @Test
    void corpusDumpsUnder4MB() throws IOException {
        Path manifest = Corpus.file("MANIFEST.md");
        List<Path> files;
        try (Stream<Path> s = Files.walk(manifest.getParent())) {
            // Every plain HPROF file under 4 MB, whatever its name (.hprof, .bin, .android-hprof);
            // gzip files are cut as compressed streams in CompressedDamageTest.
            files = s.filter(p -> Files.isRegularFile(p) && size(p) < (4 << 20) && isPlainHprof(p)).sorted().toList();
        }
        for (Path p : files) {
            int sample = FULL ? Integer.MAX_VALUE : CORPUS_SAMPLE;
            sweep(p.getFileName().toString(), Files.readAllBytes(p), sample, FULL ? RANDOM_CUTS : CORPUS_SAMPLE);
        }
    }

    private void sweep(String name, byte[] hprof, int sample, int randomCuts, String... profile) throws IOException {
        long start = System.nanoTime();
        List<Integer> records = DumpDamage.recordBoundaries(hprof);
        TreeSet<Integer> clean = new TreeSet<>(records);
        List<Integer> recordCuts = evenly(records, sample);
        List<Integer> subCuts = List.of();
        for (int at : recordCuts) {
            // A cut exactly between records leaves a well-formed prefix: any clean result is right.
            run(name, hprof, at, clean.contains(at), profile);
        }
        int segment = biggestSegment(hprof);
        if (segment >= 0) {
            List<DumpDamage.Span> subs = DumpDamage.subRecords(hprof, segment);
            List<Integer> offsets = new ArrayList<>();
            subs.forEach(s -> offsets.add(s.offset()));
            subCuts = evenly(offsets.subList(1, offsets.size()), sample);
            for (int at : subCuts) {
                run(name, hprof, at, false, profile);
            }
        }
        Random random = new Random(SEED);
        for (int i = 0; i < randomCuts; i++) {
            int at = random.nextInt(hprof.length);
            run(name, hprof, at, clean.contains(at), profile);
        }
        try {
            drain();
        } catch (Exception e) {
            throw new IOException(e);
        }
        System.out.printf("sweep: %s (%d bytes): %d record-boundary cuts of %d, %d sub-record cuts, %d random, %.1f s%n",
                name, hprof.length, recordCuts.size(), records.size(), subCuts.size(), randomCuts, (System.nanoTime() - start) / 1e9);
    }

    private void run(String name, byte[] hprof, int at, boolean mayBeClean, String... profile) throws IOException {
        if (FULL) {
            // Every boundary of every corpus file is ~170,000 cuts: spread them over the cores.
            pending.add(POOL.submit(() -> {
                cut(name, hprof, at, mayBeClean, profile);
                return null;
            }));
            return;
        }
        cut(name, hprof, at, mayBeClean, profile);
    }

    private static final java.util.concurrent.ExecutorService POOL = FULL
            ? java.util.concurrent.Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()) : null;
    private final List<java.util.concurrent.Future<?>> pending = new ArrayList<>();

    private void drain() throws Exception {
        for (java.util.concurrent.Future<?> f : pending) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof AssertionError a) {
                    throw a;
                }
                throw e;
            }
        }
        pending.clear();
    }

    private void cut(String name, byte[] hprof, int at, boolean mayBeClean, String... profile) throws IOException {
        Path cut = Files.write(dir.resolve("cut-" + Thread.currentThread().getId() + ".hprof"), Arrays.copyOf(hprof, at));
        String what = name + " cut at " + at + " of " + hprof.length + " (seed " + SEED + ")";
        DamagedRun h = DamagedRun.of("histogram: " + what, "histogram", cut.toString());
        String[] analyze = Stream.concat(Stream.of("analyze", cut.toString()), Stream.of(profile)).toArray(String[]::new);
        DamagedRun a = DamagedRun.of("analyze: " + what, analyze);
        if (!mayBeClean) {
            h.assertTruncatedOrError();
            a.assertTruncatedOrError();
        }
    }

    /** The segment with the most sub-records, or -1 when the dump has none. */
    private static int biggestSegment(byte[] hprof) {
        List<DumpDamage.Span> records = DumpDamage.records(hprof);
        int best = -1;
        int bestCount = 1;
        for (int i = 0; i < records.size(); i++) {
            int tag = records.get(i).tag();
            if (tag == HprofTag.HEAP_DUMP_SEGMENT || tag == HprofTag.HEAP_DUMP) {
                int n = DumpDamage.subRecords(hprof, i).size();
                if (n > bestCount) {
                    best = i;
                    bestCount = n;
                }
            }
        }
        return best;
    }

    private static List<Integer> evenly(List<Integer> all, int n) {
        if (all.size() <= n) {
            return all;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(all.get((int) ((long) i * (all.size() - 1) / (n - 1))));
        }
        return out;
    }

    private static boolean isPlainHprof(Path p) {
        try (java.io.InputStream in = Files.newInputStream(p)) {
            return new String(in.readNBytes(13), java.nio.charset.StandardCharsets.ISO_8859_1).equals("JAVA PROFILE ");
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
