package dev.heapchain.fuzz;

import dev.heapchain.corpus.Corpus;
import dev.heapchain.hprof.SampleDump;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starting inputs: test-writer dumps of every layout the reader supports, and the first bytes of
 * each plain corpus dump (real writers' records; a prefix keeps an execution around a millisecond).
 */
final class FuzzSeeds {
    /** Corpus prefix per file: enough for strings, classes and the first heap segment's objects. */
    static final int CORPUS_PREFIX = 48 << 10;

    private FuzzSeeds() {
    }

    static List<byte[]> all() {
        List<byte[]> seeds = new ArrayList<>(written());
        seeds.addAll(corpusPrefixes());
        return seeds;
    }

    static List<byte[]> written() {
        return List.of(
                SampleDump.populate(DumpBuilder.hotspot().segments(3)).toBytes(),
                SampleDump.populate(DumpBuilder.hotspot().shuffled(7).segments(2)).toBytes(),
                SampleDump.populate(DumpBuilder.hotspot().idSize(4).singleHeapDump().jdk8Strings()).toBytes(),
                SampleDump.populate(DumpBuilder.android().heapDumpInfo(1, "app")).toBytes(),
                snapshots());
    }

    /** A leaking chain the fuzz profile recognises, so chain analysis runs on mutated chains. */
    static byte[] snapshots() {
        DumpBuilder b = DumpBuilder.hotspot().segments(2);
        HeapClass snap = b.newClass("com.example.Snap").instanceField("e", BasicType.LONG).instanceField("next", BasicType.OBJECT);
        HeapClass registry = b.newClass("com.example.Registry").instanceField("head", BasicType.OBJECT);
        HeapInstance newer = null;
        for (int epoch = 39; epoch >= 0; epoch--) {
            newer = b.newInstance(snap).set("e", (long) epoch).set("next", newer);
        }
        HeapInstance reg = b.newInstance(registry).set("head", newer);
        int thread = b.thread("main", b.frame("run", "()V", "Main.java", registry, 3));
        b.rootJavaFrame(reg.id(), thread, 0);
        b.rootJniGlobal(newer.id(), 0x77); // a second root on the oldest snapshot: a pin
        return b.toBytes();
    }

    /** Plain corpus dumps under 4 MB, cut to their first bytes; none when the corpus is absent. */
    static List<byte[]> corpusPrefixes() {
        List<byte[]> out = new ArrayList<>();
        for (Path p : corpusFiles()) {
            try {
                byte[] all = Files.readAllBytes(p);
                out.add(Arrays.copyOf(all, Math.min(all.length, CORPUS_PREFIX)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Plain HPROF files under 4 MB in the corpus, sorted by name; empty (with a notice) without one. */
    static List<Path> corpusFiles() {
        Path manifest;
        try {
            manifest = Corpus.file("MANIFEST.md");
        } catch (org.opentest4j.TestAbortedException e) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(manifest.getParent())) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".hprof") || p.toString().endsWith(".bin"))
                    .filter(p -> size(p) < (4 << 20)).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
