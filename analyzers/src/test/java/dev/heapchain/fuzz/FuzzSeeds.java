package dev.heapchain.fuzz;

import dev.heapchain.corpus.Corpus;
import dev.heapchain.hprof.SampleDump;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;

import dev.heapchain.hprof.testing.DumpDamage;
import dev.heapchain.hprof.testing.HprofTag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starting inputs: test-writer dumps of every layout the reader supports, and an excerpt of each
 * plain corpus dump (real writers' records; 48 KB keeps an execution around a millisecond).
 */
final class FuzzSeeds {
    /** Bytes taken per corpus file: enough for strings, classes and many objects of the first heap record. */
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

    /** Excerpts of plain corpus dumps under 4 MB; none when the corpus is absent. */
    static List<byte[]> corpusPrefixes() {
        List<byte[]> out = new ArrayList<>();
        for (Path p : corpusFiles()) {
            try {
                out.add(excerpt(Files.readAllBytes(p)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * A small but whole dump from a real one: its header, its first non-heap records (strings,
     * classes) up to a quarter of {@link #CORPUS_PREFIX}, sub-records from the start and the middle
     * of the first heap record up to the rest, with the length fixed, and HEAP_DUMP_END. A plain prefix would hold strings only.
     * Files the test writer's scanner cannot parse (the corrupt ones) give their prefix instead.
     */
    static byte[] excerpt(byte[] all) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(all, 0, DumpDamage.headerLength(all));
            List<DumpDamage.Span> records = DumpDamage.records(all);
            int heap = -1;
            for (int i = 0; i < records.size(); i++) {
                DumpDamage.Span r = records.get(i);
                if (r.tag() == HprofTag.HEAP_DUMP || r.tag() == HprofTag.HEAP_DUMP_SEGMENT) {
                    heap = heap < 0 ? i : heap;
                } else if (heap < 0 && out.size() + r.length() < CORPUS_PREFIX / 4) {
                    out.write(all, r.offset(), r.length());
                }
            }
            if (heap >= 0) {
                // Writers put class dumps first: take the first sub-records, then some from the
                // middle of the heap, where the instances and arrays are.
                DumpDamage.Span r = records.get(heap);
                List<DumpDamage.Span> subs = DumpDamage.subRecords(all, heap);
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                take(all, subs, 0, body, CORPUS_PREFIX * 3 / 8);
                take(all, subs, subs.size() / 2, body, CORPUS_PREFIX * 3 / 4);
                out.writeBytes(ByteBuffer.allocate(9).put(all[r.offset()]).putInt(0).putInt(body.size()).array());
                out.writeBytes(body.toByteArray());
                out.writeBytes(new byte[] {HprofTag.HEAP_DUMP_END, 0, 0, 0, 0, 0, 0, 0, 0});
            }
            return out.toByteArray();
        } catch (RuntimeException e) {
            return Arrays.copyOf(all, Math.min(all.length, CORPUS_PREFIX));
        }
    }

    /** Sub-records from index {@code from} on, while {@code body} stays within {@code budget} bytes. */
    private static void take(byte[] all, List<DumpDamage.Span> subs, int from, ByteArrayOutputStream body, int budget) {
        for (int i = from; i < subs.size() && body.size() + subs.get(i).length() <= budget; i++) {
            body.write(all, subs.get(i).offset(), subs.get(i).length());
        }
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
