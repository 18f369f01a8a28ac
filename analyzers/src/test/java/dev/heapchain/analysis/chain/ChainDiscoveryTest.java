package dev.heapchain.analysis.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.AnalysisOptions;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.chain.ChainDiscovery.Candidate;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery finds linked instances with a number moving one way along the links, and nothing else. */
class ChainDiscoveryTest {
    @TempDir
    Path tmp;
    private final DumpBuilder b = DumpBuilder.hotspot();
    private final HeapClass holder = b.newClass("com.acme.Holder");
    private int held;

    @Test
    void findsAChainWhoseOffsetRises() {
        HeapClass snapshot = b.newClass("com.acme.MetadataSnapshot").instanceField("flags", BasicType.INT)
                .instanceField("offset", BasicType.LONG).instanceField("prev", BasicType.OBJECT);
        Random random = new Random(7);
        HeapInstance newest = null;
        for (int i = 0; i < 50; i++) {
            newest = b.newInstance(snapshot).set("offset", 1000 + 17L * i).set("flags", random.nextInt())
                    .set("prev", newest);
        }
        hold(newest);
        HeapAnalysis a = analyze();
        List<Candidate> found = ChainDiscovery.find(a, 10);
        assertEquals(List.of(new Candidate("com.acme.MetadataSnapshot", "prev", "offset", 50, 1, 50, 1.0, false)),
                found);
        assertEquals("heapchain analyze dump.hprof --class com.acme.MetadataSnapshot --epoch-field offset"
                + " --link-field prev", found.get(0).command("dump.hprof"));
        assertEquals(found, ChainDiscovery.find(a, 10), "the same answer every time");
    }

    @Test
    void aNumberThatDoesNotMoveOneWayIsNoEpoch() {
        HeapClass snapshot = b.newClass("com.acme.MetadataSnapshot").instanceField("offset", BasicType.LONG)
                .instanceField("prev", BasicType.OBJECT);
        Random random = new Random(11);
        hold(chain(snapshot, "prev", "offset", random.longs(50).toArray()));
        assertEquals(List.of(), find(10));
    }

    @Test
    void hashBinsAreNotChains() {
        HeapClass node = b.newClass("com.acme.HashNode").instanceField("hash", BasicType.INT)
                .instanceField("key", BasicType.OBJECT).instanceField("next", BasicType.OBJECT);
        Random random = new Random(3);
        hold(chain(node, "next", "hash", random.ints(12).asLongStream().toArray()));
        // Keys that went in in order make a hash rise along the links; the name rules it out.
        HeapClass ordered = b.newClass("com.acme.OrderedNode").instanceField("hash", BasicType.INT)
                .instanceField("next", BasicType.OBJECT);
        hold(chain(ordered, "next", "hash", LongStream.range(0, 12).toArray()));
        assertEquals(List.of(), find(10));
    }

    @Test
    void platformClassesAreLeftOutWhateverTheirNumbersDo() {
        HeapClass entry = b.newClass("java.util.Example$Entry").instanceField("sequence", BasicType.LONG)
                .instanceField("after", BasicType.OBJECT);
        hold(chain(entry, "after", "sequence", LongStream.range(0, 12).toArray()));
        assertEquals(List.of(), find(10));
    }

    @Test
    void aPersistentListsSizeIsNoEpoch() {
        HeapClass cons = b.newClass("com.acme.ConsList").instanceField("_count", BasicType.INT)
                .instanceField("rest", BasicType.OBJECT);
        hold(chain(cons, "rest", "_count", LongStream.rangeClosed(1, 20).toArray()));
        HeapClass versions = b.newClass("com.acme.Version").instanceField("version", BasicType.INT)
                .instanceField("rest", BasicType.OBJECT);
        hold(chain(versions, "rest", "version", LongStream.rangeClosed(1, 20).toArray()));
        assertEquals(List.of("com.acme.Version"), names(find(10)), "the same numbers under another name count");
    }

    @Test
    void chainsShorterThanEightAreLeftOut() {
        holdEpochChain(epochClass("com.acme.Five"), 5);
        holdEpochChain(epochClass("com.acme.Seven"), 7);
        holdEpochChain(epochClass("com.acme.Eight"), 8);
        assertEquals(List.of("com.acme.Eight"), names(find(10)));
    }

    @Test
    void treesOfParentLinksAreNotChains() {
        // A complete binary tree of depth 10, numbered breadth first: ids fall along every parent link.
        HeapClass node = b.newClass("com.acme.TreeNode").instanceField("id", BasicType.LONG)
                .instanceField("parent", BasicType.OBJECT);
        HeapInstance[] nodes = new HeapInstance[1024];
        long[] ids = new long[nodes.length - 1];
        for (int i = 1; i < nodes.length; i++) {
            nodes[i] = b.newInstance(node).set("id", i).set("parent", nodes[i / 2]);
            ids[i - 1] = nodes[i].id();
        }
        holder.staticField("all", BasicType.OBJECT, b.objectArray(ids));
        assertEquals(List.of(), find(10));
    }

    @Test
    void ordersByLongestChainAndHonoursTheLimit() {
        holdEpochChain(epochClass("com.acme.A"), 20);
        holdEpochChain(epochClass("com.acme.Z"), 30);
        HeapAnalysis heap = analyze();
        assertEquals(List.of("com.acme.Z", "com.acme.A"), names(ChainDiscovery.find(heap, 10)));
        assertEquals(List.of("com.acme.Z"), names(ChainDiscovery.find(heap, 1)));
        assertEquals(List.of(), ChainDiscovery.find(heap, 0));
    }

    @Test
    void aSubclassLinkedThroughItsSuperclassFieldIsNamedOnce() {
        HeapClass base = epochClass("com.acme.Base");
        holdEpochChain(b.newClass("com.acme.Sub").superclass(base).instanceField("extra", BasicType.INT), 12);
        List<Candidate> found = find(10);
        assertEquals(List.of("com.acme.Sub"), names(found));
        assertEquals("prev", found.get(0).linkField());
        assertEquals(12, found.get(0).longestChain());
    }

    @Test
    void aChainMixingSuperclassAndSubclassIsNamedByTheSuperclass() {
        HeapClass base = epochClass("com.acme.Base");
        HeapClass sub = b.newClass("com.acme.Sub").superclass(base).instanceField("extra", BasicType.INT);
        HeapInstance newest = null;
        for (int i = 0; i < 12; i++) {
            newest = b.newInstance(i % 2 == 0 ? base : sub).set("epoch", i).set("prev", newest);
        }
        hold(newest);
        List<Candidate> found = find(10);
        assertEquals(List.of("com.acme.Base"), names(found));
        assertEquals(12, found.get(0).instances());
    }

    @Test
    void aCircularListWithASentinelHeadIsOneCandidate() {
        // Kafka's SnapshotRegistry: a head with epoch Long.MIN_VALUE, circular through prev and next.
        HeapClass snapshot = b.newClass("com.acme.Snapshot").instanceField("epoch", BasicType.LONG)
                .instanceField("prev", BasicType.OBJECT).instanceField("next", BasicType.OBJECT);
        HeapInstance head = b.newInstance(snapshot).set("epoch", Long.MIN_VALUE);
        HeapInstance last = head;
        for (int i = 1; i <= 40; i++) {
            HeapInstance s = b.newInstance(snapshot).set("epoch", 100L * i).set("prev", last);
            last.set("next", s);
            last = s;
        }
        last.set("next", head);
        head.set("prev", last);
        hold(head);
        List<Candidate> found = find(10);
        assertEquals(1, found.size(), "prev and next make one candidate: " + found);
        Candidate c = found.get(0);
        assertEquals("prev", c.linkField(), "the first link field in field order");
        assertEquals(List.of("com.acme.Snapshot", "epoch", 41L, 1L, 41L), List.of(c.className(), c.epochField(),
                c.instances(), c.chains(), c.longestChain()));
        assertTrue(c.monotoneShare() >= 0.9 && c.monotoneShare() < 1, "the sentinel breaks one link: " + c);
        assertFalse(c.rising());
    }

    @Test
    void aClassWhoseFirstLinkFieldFailsIsJudgedByTheNext() {
        // The same 60 instances in two orders: shuffled along 'a' (first in field order), by epoch along 'b'.
        HeapClass twice = b.newClass("com.acme.Twice").instanceField("epoch", BasicType.LONG)
                .instanceField("a", BasicType.OBJECT).instanceField("b", BasicType.OBJECT);
        List<HeapInstance> byEpoch = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            byEpoch.add(b.newInstance(twice).set("epoch", i));
        }
        List<HeapInstance> shuffled = new ArrayList<>(byEpoch);
        Collections.shuffle(shuffled, new Random(5));
        for (int i = 1; i < 60; i++) {
            byEpoch.get(i).set("b", byEpoch.get(i - 1));
            shuffled.get(i).set("a", shuffled.get(i - 1));
        }
        hold(byEpoch.get(59));
        hold(shuffled.get(59));
        List<Candidate> found = find(10);
        assertEquals(List.of("b"), found.stream().map(Candidate::linkField).toList());
    }

    @Test
    void unreachableChainsAreLeftOut() {
        chain(epochClass("com.acme.Garbage"), "prev", "epoch", LongStream.range(0, 20).toArray());
        assertEquals(List.of(), find(10));
    }

    @Test
    void theCommandQuotesWhatAShellWouldSplitOrExpand() {
        Candidate c = new Candidate("com.acme.Outer$Snapshot", "prev", "epoch", 9, 1, 9, 1.0, true);
        assertEquals("heapchain analyze '/tmp/my dumps/it'\\''s.hprof' --class 'com.acme.Outer$Snapshot'"
                + " --epoch-field epoch --link-field prev", c.command("/tmp/my dumps/it's.hprof"));
    }

    /** A class with a {@code long epoch} and a {@code prev} link. */
    private HeapClass epochClass(String name) {
        return b.newClass(name).instanceField("epoch", BasicType.LONG).instanceField("prev", BasicType.OBJECT);
    }

    /** A held chain of {@code n} instances of an {@link #epochClass}, epochs 0 to n-1. */
    private void holdEpochChain(HeapClass cls, int n) {
        hold(chain(cls, "prev", "epoch", LongStream.range(0, n).toArray()));
    }

    /** Instances linked through {@code link}, each to the one made before it; the last one made is returned. */
    private HeapInstance chain(HeapClass cls, String link, String field, long... values) {
        HeapInstance newest = null;
        for (long v : values) {
            newest = b.newInstance(cls).set(field, v).set(link, newest);
        }
        return newest;
    }

    /** Reachable through a static field of a sticky class. */
    private void hold(HeapInstance o) {
        holder.staticField("f" + held++, BasicType.OBJECT, o);
    }

    private HeapAnalysis analyze() {
        b.rootStickyClass(holder);
        Path file = b.writeTo(tmp.resolve("heap.hprof"));
        return HeapAnalysis.run(HprofFile.open(file), AnalysisOptions.defaults());
    }

    private List<Candidate> find(int limit) {
        return ChainDiscovery.find(analyze(), limit);
    }

    private static List<String> names(List<Candidate> found) {
        return found.stream().map(Candidate::className).toList();
    }
}
