package dev.heapchain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.chain.ChainAnalysis;
import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Profile;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofFormatException;
import dev.heapchain.hprof.HprofWarning;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structures no JVM writes but a corrupt or hostile dump can hold, through the graph and the
 * analyses (the reader's side is HprofHostileLengthsTest): superclass cycles, 65,535 fields, objects
 * of missing classes, and, in {@link HostileScaleTest}, millions of links and roots. Each must end
 * quickly with a result (and a warning where something was ignored) or a format error.
 */
class HostileStructureTest {
    static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** What the analyze command computes, bounded in time; a format error is returned, anything else fails. */
    static Outcome analyze(Path dump, Profile profile) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            try {
                HeapAnalysis a = HeapAnalysis.run(HprofFile.open(dump), AnalysisOptions.defaults());
                PathRenderer paths = new PathRenderer(a, ValuePolicy.REDACTED);
                ChainReport r = ChainAnalysis.run(paths, profile, 32);
                List<ObjectReport> top = TopObjects.of(paths, 5);
                EngineSummary.of(a);
                ClassRetention.compute(a);
                return new Outcome(a, paths, r, top, null);
            } catch (HprofFormatException e) {
                return new Outcome(null, null, null, null, e);
            }
        }, () -> "analyzing " + dump.getFileName() + " took longer than " + LIMIT);
    }

    record Outcome(HeapAnalysis analysis, PathRenderer paths, ChainReport report, List<ObjectReport> top, HprofFormatException error) {
        List<HprofWarning> classWarnings() {
            return analysis.graph().classes().warnings();
        }
    }

    private Path write(DumpBuilder b, String name) {
        return b.writeTo(dir.resolve(name));
    }

    private static Profile snapshots(String cls) {
        return Profile.adHoc(List.of(cls), "e", List.of("next"), null);
    }

    @Test
    void superclassCycleAndOwnSuperclass() {
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass a = b.newClass("com.example.A").instanceField("e", BasicType.LONG).instanceField("next", BasicType.OBJECT);
        HeapClass c = b.newClass("com.example.C").instanceField("x", BasicType.INT);
        HeapClass self = b.newClass("com.example.Self").instanceField("e", BasicType.LONG);
        HeapInstance first = b.newInstance(a).set("e", 1L);
        HeapInstance second = b.newInstance(a).set("e", 2L).set("next", first);
        HeapInstance s = b.newInstance(self).set("e", 5L);
        a.superclass(c);
        c.superclass(a); // A -> C -> A
        self.superclass(self);
        b.rootJniGlobal(second.id(), 1).rootJniGlobal(s.id(), 2);
        Outcome o = analyze(write(b, "cycle.hprof"), snapshots("com.example.A"));
        assertNull(o.error(), () -> o.error().getMessage());
        assertTrue(o.classWarnings().stream().filter(w -> w.kind().equals("superclass-cycle")).count() >= 2,
                o.classWarnings()::toString);
        assertEquals(2, o.report().targets(), "both A instances are still read as snapshots");
        analyze(write(b, "cycle-self.hprof"), snapshots("com.example.Self"));
    }

    @Test
    void classWith65535FieldsAndStatics() {
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass wide = b.newClass("com.example.Wide");
        HeapClass target = b.newClass("com.example.Target");
        for (int i = 0; i < 65_535; i++) {
            wide.instanceField("f" + i, BasicType.OBJECT);
        }
        HeapClass statics = b.newClass("com.example.Statics");
        HeapInstance t = b.newInstance(target);
        for (int i = 0; i < 65_535; i++) {
            statics.staticField("s" + i, BasicType.OBJECT, t);
        }
        HeapInstance w = b.newInstance(wide).set("f65534", t).set("f0", t);
        b.rootJniGlobal(w.id(), 1).rootStickyClass(statics);
        Outcome o = analyze(write(b, "wide.hprof"), snapshots("com.example.Wide"));
        assertNull(o.error(), () -> o.error().getMessage());
        HeapGraph g = o.analysis().graph();
        int v = g.node(w.id());
        assertEquals(2, g.outEnd(v) - g.outStart(v), "the first and the last of 65,535 fields");
        int holder = g.node(statics.id());
        assertTrue(g.outEnd(holder) - g.outStart(holder) >= 65_535, "every static is an edge");
    }

    @Test
    void instancesOfAMissingClassAsSnapshots() {
        DumpBuilder b = DumpBuilder.hotspot();
        long missing = b.unusedId();
        HeapInstance lost = b.newInstanceOfClassId(missing).rawFieldBytes(new byte[24]);
        HeapClass holder = b.newClass("com.example.Holder").instanceField("lost", BasicType.OBJECT);
        HeapInstance h = b.newInstance(holder).set("lost", lost.id());
        b.rootJniGlobal(h.id(), 1);
        Outcome o = analyze(write(b, "missing.hprof"), snapshots("unknown class 0x" + Long.toHexString(missing)));
        assertNull(o.error(), () -> o.error().getMessage());
        assertTrue(o.classWarnings().stream().anyMatch(w -> w.kind().equals("missing-class")), o.classWarnings()::toString);
        assertTrue(o.analysis().graph().node(lost.id()) >= 0, "the instance is kept under a placeholder class");
    }

    @Test
    void arrayLengthsOverflowingIntAndLongReachTheGraphAsFormatErrors() {
        for (long count : new long[] {1L << 29, 0x8000_0001L, 0xFFFF_FFFFL}) {
            DumpBuilder b = DumpBuilder.hotspot();
            b.newInstance(b.newClass("com.example.X"));
            // long[] header only: count x 8 bytes overflows int (2^29) or exceeds any Java array.
            b.rawHeapSubRecord(ByteBuffer.allocate(1 + 8 + 4 + 4 + 1).put((byte) 0x23).putLong(0x7f00_0000_9000L)
                    .putInt(1).putInt((int) count).put((byte) 11).array());
            Outcome o = analyze(write(b, "array-" + count + ".hprof"), snapshots("com.example.X"));
            assertNotNull(o.error(), "an array longer than its record must not become a graph node: " + count);
        }
    }
}
