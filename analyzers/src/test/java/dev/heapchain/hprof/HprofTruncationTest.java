package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.DumpDamage;
import dev.heapchain.hprof.testing.HprofTag;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump cut anywhere reads to a partial result with a "truncated" warning naming an offset, or
 * fails with one {@link HprofFormatException}; never another exception, never a hang.
 */
class HprofTruncationTest {
    private static final long SEED = 20_240_501L;
    @TempDir
    static Path dir;
    private static byte[] hprof;

    @BeforeAll
    static void build() {
        DumpBuilder b = SampleDump.populate(DumpBuilder.hotspot().segments(3));
        b.primitiveArray(new long[300]); // one sub-record bigger than a few bytes
        hprof = b.toBytes();
    }

    private static DamagedRead cut(int length) {
        Path p = Dumps.write(dir, "cut-" + length + ".hprof", DumpDamage.truncate(hprof, length));
        return DamagedRead.of(p, "cut at " + length + " of " + hprof.length);
    }

    @Test
    void cutAtEveryTopLevelRecordBoundary() {
        List<Integer> boundaries = DumpDamage.recordBoundaries(hprof);
        assertTrue(boundaries.size() > 20, "the sample must have many records");
        for (int at : boundaries) {
            // Exactly at a boundary the prefix is well-formed: it must read without error.
            cut(at).assertResult("cut at record boundary " + at);
            // Inside the record header and just inside the body: partial result or error.
            for (int inside : new int[] {at + 1, at + 5, at + 9 + 1}) {
                if (inside < hprof.length) {
                    cut(inside).assertTruncatedOrError("cut at " + inside + " inside the record at " + at);
                }
            }
        }
    }

    @Test
    void cutAtEverySubRecordBoundaryOfASegmentKeepsEveryCompleteObject() {
        int segment = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 1);
        List<DumpDamage.Span> subs = DumpDamage.subRecords(hprof, segment);
        assertTrue(subs.size() > 10, "the middle segment must hold several sub-records");
        int first = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 0);
        long before = DumpDamage.subRecords(hprof, first).stream().filter(HprofTruncationTest::isObject).count();
        for (int k = 1; k < subs.size(); k++) {
            int at = subs.get(k).offset();
            DamagedRead r = cut(at).assertTruncatedOrError("cut at sub-record " + k);
            ClassHistogram h = r.assertResult("cut at sub-record boundary " + at);
            long complete = before + subs.subList(0, k).stream().filter(HprofTruncationTest::isObject).count();
            assertEquals(complete, h.totalInstances(), "objects read before the cut at " + at);
            // And inside the sub-record that follows.
            cut(at + 2).assertTruncatedOrError("cut inside sub-record " + k);
        }
    }

    @Test
    void cutAtSeededRandomOffsets() {
        Random random = new Random(SEED);
        TreeSet<Integer> offsets = new TreeSet<>();
        while (offsets.size() < 50) {
            offsets.add(random.nextInt(hprof.length));
        }
        for (int at : offsets) {
            DamagedRead r = cut(at);
            if (r.error() == null && !r.histogram().dump().truncated()) {
                assertTrue(DumpDamage.recordBoundaries(hprof).contains(at),
                        "seed " + SEED + ": cut at " + at + " read cleanly, but it is no record boundary");
            } else {
                r.assertTruncatedOrError("seed " + SEED + ": cut at " + at);
            }
        }
    }

    @Test
    void cutsInsideTheHeaderAreErrors() {
        int header = DumpDamage.headerLength(hprof);
        for (int at = 0; at < header; at++) {
            DamagedRead r = cut(at);
            assertTrue(r.error() != null, "cut at " + at + " inside the header read as a dump");
        }
    }

    private static boolean isObject(DumpDamage.Span s) {
        return s.tag() == HprofTag.INSTANCE_DUMP || s.tag() == HprofTag.OBJ_ARRAY_DUMP
                || s.tag() == HprofTag.PRIM_ARRAY_DUMP;
    }
}
