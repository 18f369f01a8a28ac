package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.DumpDamage;
import dev.heapchain.hprof.testing.HprofTag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zeros where the data should go on (a JVM killed mid-dump, a file system that zero-filled what it
 * lost): the data ends where a record or sub-record should start and zeros are found instead, with
 * the same partial result as a cut there and one warning. Zeros inside a record are data.
 */
class HprofZeroTailTest {
    @TempDir
    static Path dir;
    private static byte[] hprof;
    private static int segment;

    @BeforeAll
    static void build() {
        DumpBuilder b = SampleDump.populate(DumpBuilder.hotspot().segments(3));
        b.primitiveArray(new long[300_000]); // 2.4 MB of zeros inside a record: data, not a tail
        hprof = b.toBytes();
        segment = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 1);
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static DamagedRead zeroTail(int at, long zeros) {
        Path p = DumpDamage.zeroTail(dir.resolve("zeros-" + at + ".hprof"), hprof, at, zeros);
        return DamagedRead.of(p, "zeros from " + at);
    }

    private static ClassHistogram cutAt(int at) {
        return DamagedRead.of(Dumps.write(dir, "cut-" + at + ".hprof", DumpDamage.truncate(hprof, at)), "cut at " + at)
                .assertResult("cut at " + at);
    }

    /** The one warning about the end of the data, which must name where it ends. */
    private static HprofWarning endWarning(ClassHistogram h, long dataEnd) {
        List<HprofWarning> ends = h.dump().warnings().stream().filter(w -> w.kind().equals("truncated")).toList();
        assertEquals(1, ends.size(), h.dump().warnings()::toString);
        HprofWarning w = ends.get(0);
        assertEquals(dataEnd, w.offset(), w::message);
        assertTrue(w.message().contains("the dump's data ends at offset " + n(dataEnd)), w.message());
        return w;
    }

    @Test
    void a_zeroTailWhereASubRecordShouldStartReadsLikeACutThere() {
        List<DumpDamage.Span> subs = DumpDamage.subRecords(hprof, segment);
        assertTrue(subs.size() > 10);
        for (int k = 1; k < subs.size(); k++) {
            int at = subs.get(k).offset();
            ClassHistogram h = zeroTail(at, 50_000_000).assertResult("zeros at sub-record " + k);
            assertTrue(h.dump().truncated());
            HprofWarning w = endWarning(h, at);
            assertTrue(w.message().endsWith("the remaining " + n(50_000_000) + " bytes are zeros: the dump was not finished"),
                    w.message());
            assertEquals(cutAt(at).rows(), h.rows(), "the same objects as a cut at " + at);
        }
    }

    @Test
    void b_zeroTailWhereARecordShouldStartReadsLikeACutThere() {
        List<Integer> boundaries = DumpDamage.recordBoundaries(hprof);
        for (int at : boundaries.subList(1, boundaries.size() - 2)) { // the last: after HEAP_DUMP_END, see below
            ClassHistogram h = zeroTail(at, 3 * ZeroRun.MIN_RUN).assertResult("zeros at record " + at);
            endWarning(h, at);
            assertEquals(cutAt(at).rows(), h.rows(), "the same objects as a cut at " + at);
        }
    }

    @Test
    void c_zerosAfterAFinishedDumpAreOnlyPadding() {
        ClassHistogram h = zeroTail(hprof.length, 1 << 20).assertResult("zeros after HEAP_DUMP_END");
        assertFalse(h.dump().truncated(), h.dump().warnings()::toString);
        assertEquals(List.of("zero-padding"), Dumps.kinds(h.dump().warnings()));
        assertEquals(Dumps.histogram(Dumps.write(dir, "whole.hprof", hprof)).rows(), h.rows());
    }

    @Test
    void d_zerosFromInsideARecordEndTheDataAtThatRecord() {
        // Every offset of the first few sub-records of a segment, and inside the top-level
        // records before the heap: the zeros cut a length, a count, a type code or plain values.
        List<DumpDamage.Span> subs = DumpDamage.subRecords(hprof, segment);
        int to = subs.get(8).offset();
        int partial = 0;
        for (int at = subs.get(0).offset() + 1; at < to; at++) {
            DamagedRead r = zeroTail(at, 2 * ZeroRun.MIN_RUN).assertTruncatedOrError("zeros from " + at);
            partial += r.error() == null ? 1 : 0;
        }
        int firstHeap = DumpDamage.records(hprof).get(DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 0)).offset();
        for (int at = DumpDamage.headerLength(hprof) + 1; at < firstHeap; at++) {
            DamagedRead r = zeroTail(at, 2 * ZeroRun.MIN_RUN).assertTruncatedOrError("zeros from " + at);
            partial += r.error() == null ? 1 : 0;
        }
        int cases = to - subs.get(0).offset() - 1 + firstHeap - DumpDamage.headerLength(hprof) - 1;
        // Any field cut off by zeros is explained by them: every case is a partial result.
        assertEquals(cases, partial, "zero tails inside records read to a partial result");
    }

    @Test
    void e_aZeroRunInTheMiddleEndsTheDataAndSaysWhereDataResumes() {
        int at = DumpDamage.subRecords(hprof, segment).get(5).offset();
        Path p = DumpDamage.zeroRun(dir.resolve("hole.hprof"), hprof, at, 100_000);
        ClassHistogram h = DamagedRead.of(p, "a hole").assertResult("a hole");
        HprofWarning w = endWarning(h, at);
        assertTrue(w.message().contains("the next " + n(100_000) + " bytes are zeros, and the data after them, from offset "
                + n(at + 100_000) + ", is not read"), w.message());
        assertEquals(cutAt(at).rows(), h.rows());
    }

    @Test
    void f_aShortZeroRunIsNoEndButAnError() {
        int at = DumpDamage.subRecords(hprof, segment).get(5).offset();
        Path p = DumpDamage.zeroRun(dir.resolve("short.hprof"), hprof, at, ZeroRun.MIN_RUN - 1);
        HprofFormatException e = DamagedRead.of(p, "a short zero run").error();
        assertNotNull(e, "fewer zeros than ZeroRun.MIN_RUN, with data after them, are corruption");
        assertTrue(e.getMessage().startsWith("unknown heap sub-tag 0x0 at offset " + at), e.getMessage());
    }

    @Test
    void g_zerosInsideValidRecordsAreData() {
        ClassHistogram h = Dumps.histogram(Dumps.write(dir, "whole.hprof", hprof));
        assertEquals(List.of(), h.dump().warnings(), "2.4 MB of zeros in a long[] are no tail");
        assertFalse(h.dump().truncated());
    }

    @Test
    void h_aHugeSparseTailIsCountedOnlySoFar() {
        int at = DumpDamage.subRecords(hprof, segment).get(3).offset();
        long zeros = 8L << 30; // a hole: no disk used
        long start = System.nanoTime();
        ClassHistogram h = zeroTail(at, zeros).assertResult("8 GiB of zeros");
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "counted up to the limit only");
        HprofWarning w = endWarning(h, at);
        assertTrue(w.message().contains("at least the next " + n(ZeroRun.SCAN_LIMIT) + " bytes are zeros, and the "
                + n(zeros - ZeroRun.SCAN_LIMIT) + " bytes after them are not read"), w.message());
    }

    @Test
    void i_gzipAndItsInflatedCopySayTheSameAsThePlainFile() throws Exception {
        int at = DumpDamage.subRecords(hprof, segment).get(4).offset();
        byte[] prefix = java.util.Arrays.copyOf(hprof, at);
        Path gz = DumpDamage.gzipWithZeros(dir.resolve("zeros.hprof.gz"), prefix, 3L << 30);
        ClassHistogram plain = zeroTail(at, 3L << 30).assertResult("plain");
        ClassHistogram streamed = DamagedRead.of(gz, "gzip").assertResult("gzip");
        assertEquals(plain.rows(), streamed.rows());
        String streamedEnd = endWarning(streamed, at).message();
        assertTrue(streamedEnd.contains("at least the next " + n(ZeroRun.SCAN_LIMIT) + " bytes are zeros, and the rest of"
                + " the stream is not read"), streamedEnd);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        try (HprofFile copy = HprofFile.open(gz).inflated(tmp)) {
            assertTrue(copy.isInflatedCopy());
            assertEquals(at + ZeroRun.MIN_RUN, copy.dataSize(), "the copy keeps the data and the zeros' first 64 KiB");
            assertEquals(List.of(), Files.list(tmp).toList(), "the copy has no name in the folder");
            ClassHistogram inflated = dev.heapchain.analysis.HistogramPass.run(copy, 0);
            assertEquals(plain.rows(), inflated.rows());
            assertEquals(streamed.dump().warnings(), inflated.dump().warnings(), "every pass over the copy says what the stream said");
        }
        Files.delete(gz);
    }
}
