package dev.heapchain.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.Dumps;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.DumpDamage;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HprofTag;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass build starts resolving references on the other core before it knows the class
 * table agrees with the layouts the pass read instances with. When it does not, the work is
 * undone and the second pass builds the graph: the result must be the one-pass graph exactly.
 */
class OnePassFallbackTest {
    @TempDir
    Path dir;

    /** Class dumps first, objects in address order (as HotSpot writes them), weak references among them. */
    private static byte[] dump(long seed) {
        Random rnd = new Random(seed);
        DumpBuilder b = DumpBuilder.hotspot().segments(3);
        HeapClass reference = b.newClass("java.lang.ref.Reference").instanceField("referent", BasicType.OBJECT);
        HeapClass weak = b.newClass("java.lang.ref.WeakReference").superclass(reference);
        HeapClass node = b.newClass("com.example.Node").instanceField("next", BasicType.OBJECT)
                .instanceField("payload", BasicType.OBJECT);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long payload = b.primitiveArray(new byte[rnd.nextInt(40)]);
            long id;
            if (rnd.nextInt(5) == 0 && !ids.isEmpty()) {
                id = b.newInstance(weak).set("referent", ids.get(rnd.nextInt(ids.size()))).id();
            } else {
                id = b.newInstance(node).set("payload", payload)
                        .set("next", ids.isEmpty() ? 0L : ids.get(rnd.nextInt(ids.size()))).id();
            }
            ids.add(id);
            if (rnd.nextInt(50) == 0) {
                b.rootUnknown(id);
            }
        }
        return b.toBytes();
    }

    /** The same dump with the string record that names "referent" moved after everything else. */
    private static byte[] referentNamedLast(byte[] hprof) {
        byte[] name = "referent".getBytes(StandardCharsets.UTF_8);
        int idSize = DumpDamage.idSize(hprof);
        DumpDamage.Span moved = null;
        for (DumpDamage.Span r : DumpDamage.records(hprof)) {
            int text = r.offset() + 9 + idSize;
            if (r.tag() == HprofTag.UTF8 && r.end() - text == name.length
                    && java.util.Arrays.equals(hprof, text, r.end(), name, 0, name.length)) {
                moved = r;
            }
        }
        assertNotNull(moved, "the dump names the referent field");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(hprof, 0, moved.offset());
        out.write(hprof, moved.end(), hprof.length - moved.end());
        out.write(hprof, moved.offset(), moved.length());
        return out.toByteArray();
    }

    @Test
    void disagreeingLayoutsFallBackToTheSecondPassWithTheSameGraph() {
        for (long seed = 1; seed <= 3; seed++) {
            byte[] plain = dump(seed);
            HeapGraph expected = new HeapGraphBuilder(HprofFile.open(Dumps.write(dir, "p" + seed + ".hprof", plain)), 0).build();
            assertNotNull(expected.checkpoints(), "seed " + seed + ": the plain dump is built in one pass");
            HeapGraph g = new HeapGraphBuilder(HprofFile.open(
                    Dumps.write(dir, "m" + seed + ".hprof", referentNamedLast(plain))), 0).build();
            assertNull(g.checkpoints(), "seed " + seed + ": the pass read references before it knew 'referent' is weak;"
                    + " the second pass reads them again");
            assertTrue(expected.stats().weakEdgesSkipped() > 0, "seed " + seed);
            assertEquals(expected.stats().weakEdgesSkipped(), g.stats().weakEdgesSkipped(), "seed " + seed);
            assertEquals(expected.nodeCount(), g.nodeCount(), "seed " + seed);
            assertEquals(expected.edgeCount(), g.edgeCount(), "seed " + seed);
            for (int v = 0; v < g.nodeCount(); v++) {
                int w = expected.node(g.id(v));
                assertEquals(expected.classOf(w).name(), g.classOf(v).name(), "seed " + seed + " node " + v);
                assertEquals(expected.shallowSize(w), g.shallowSize(v), "seed " + seed + " node " + v);
                assertEquals(targets(expected, w), targets(g, v), "seed " + seed + " references of node " + v);
            }
        }
    }

    /** Ids a node references, with their labels, in field order. */
    private static List<String> targets(HeapGraph g, int v) {
        List<String> out = new ArrayList<>();
        for (long e = g.outStart(v); e < g.outEnd(v); e++) {
            out.add(Long.toHexString(g.id(g.target(e))) + ":" + (int) g.label(e));
        }
        return out;
    }
}
