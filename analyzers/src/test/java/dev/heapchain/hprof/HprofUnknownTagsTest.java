package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.DumpDamage;
import dev.heapchain.hprof.testing.HprofTag;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Top-level records carry a length, so an unknown one can be skipped; heap sub-records do not, so
 * an unknown sub-tag ends the read with an error that says enough to diagnose it. A stream that is
 * mostly unknown records is not HPROF: one error, soon.
 */
class HprofUnknownTagsTest {
    @TempDir
    Path dir;

    private static byte[] sample() {
        return SampleDump.populate(DumpBuilder.hotspot().segments(2)).toBytes();
    }

    @Test
    void unknownTopLevelTagIsSkippedWithAWarningNamingItsOffset() {
        byte[] hprof = sample();
        int index = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 0);
        int offset = DumpDamage.records(hprof).get(index).offset();
        byte[] damaged = DumpDamage.insertRecord(hprof, index, 0x42, new byte[] {1, 2, 3, 4, 5});
        ClassHistogram clean = Dumps.histogram(Dumps.write(dir, "clean.hprof", hprof));
        ClassHistogram h = DamagedRead.of(Dumps.write(dir, "unknown.hprof", damaged), "unknown tag").assertResult("unknown tag");

        List<HprofWarning> unknown = h.dump().warnings().stream().filter(w -> w.kind().equals("unknown-tag")).toList();
        assertEquals(1, unknown.size(), h.dump().warnings()::toString);
        assertEquals(offset, unknown.get(0).offset());
        assertTrue(unknown.get(0).message().contains(String.valueOf(offset)), unknown.get(0).message());
        assertTrue(unknown.get(0).message().contains("0x42"), unknown.get(0).message());
        assertEquals(clean.rows(), h.rows());
    }

    @Test
    void unknownHeapSubTagIsAnErrorWithContext() {
        byte[] hprof = sample();
        int segment = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 1);
        List<DumpDamage.Span> subs = DumpDamage.subRecords(hprof, segment);
        DumpDamage.Span previous = subs.get(2);
        byte[] damaged = DumpDamage.insertUnknownSubTag(hprof, segment, 3, 0x8f);
        int offset = subs.get(3).offset(); // the inserted bytes take the place of sub-record 3

        HprofFormatException e = DamagedRead.of(Dumps.write(dir, "subtag.hprof", damaged), "unknown sub-tag").error();
        assertNotNull(e, "an unknown sub-tag cannot be skipped, so it must be an error");
        String m = e.getMessage();
        assertEquals(offset, e.offset());
        assertTrue(m.contains("0x8f"), m);
        assertTrue(m.contains(String.valueOf(offset)) || m.contains(Long.toHexString(offset)), m);
        assertTrue(m.contains(String.format("0x%x", previous.tag())), "names the previous sub-tag: " + m);
        assertTrue(m.contains(String.valueOf(previous.offset())) || m.contains(Long.toHexString(previous.offset())),
                "names the previous sub-record's offset: " + m);
        assertTrue(m.contains("id size 8"), m);
        assertTrue(m.contains("subtag.hprof"), "names the file: " + m);
    }

    @Test
    void unknownSubTagFirstInASegmentStillSaysWhereItIs() {
        byte[] hprof = sample();
        int segment = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 0);
        int offset = DumpDamage.subRecords(hprof, segment).get(0).offset();
        byte[] damaged = DumpDamage.insertUnknownSubTag(hprof, segment, 0, 0x77);
        HprofFormatException e = DamagedRead.of(Dumps.write(dir, "first.hprof", damaged), "first sub-tag").error();
        assertNotNull(e);
        assertTrue(e.getMessage().contains("0x77") && e.getMessage().contains(String.valueOf(offset)), e.getMessage());
    }

    @Test
    void manyUnknownRecordsAreSummarised() {
        byte[] hprof = sample();
        int index = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 0);
        int offset = DumpDamage.records(hprof).get(index).offset();
        int count = UnknownRecords.MAX_IN_A_ROW - 1;
        byte[] damaged = DumpDamage.insertRecords(hprof, index, DumpDamage.unknownRecords(0x42, count, 3));
        ClassHistogram h = DamagedRead.of(Dumps.write(dir, "many.hprof", damaged), "many unknown").assertResult("many unknown");
        List<HprofWarning> unknown = h.dump().warnings().stream().filter(w -> w.kind().equals("unknown-tag")).toList();
        assertEquals(HprofWarnings.SHOWN + 1, unknown.size(), unknown::toString);
        assertEquals("... and " + (count - HprofWarnings.SHOWN) + " more unknown top-level tags 0x42 between offsets "
                + String.format(java.util.Locale.ROOT, "%,d and %,d", offset + 12 * HprofWarnings.SHOWN, offset + 12 * (count - 1)),
                unknown.get(HprofWarnings.SHOWN).message());
        assertEquals(Dumps.histogram(Dumps.write(dir, "clean.hprof", hprof)).rows(), h.rows());
    }

    @Test
    void aLongRunOfOneUnknownTagIsCorrupt() {
        byte[] hprof = sample();
        int index = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 0);
        int offset = DumpDamage.records(hprof).get(index).offset();
        byte[] damaged = DumpDamage.insertRecords(hprof, index, DumpDamage.unknownRecords(0x42, 200_000, 1));
        HprofFormatException e = DamagedRead.of(Dumps.write(dir, "flood.hprof", damaged), "a flood").error();
        assertNotNull(e);
        assertEquals(offset, e.offset());
        assertTrue(e.getMessage().startsWith("corrupt record stream: 1,000 unknown top-level records in a row, from offset "
                + String.format(java.util.Locale.ROOT, "%,d", offset)), e.getMessage());
    }

    @Test
    void unknownRecordsHoldingMostOfAStreamAreCorrupt() {
        // In a gzip stream the reader cannot see that a length runs past the end: the share of the
        // bytes read says it before the record is skipped.
        byte[] hprof = sample();
        int header = DumpDamage.headerLength(hprof);
        byte[] head = java.util.Arrays.copyOf(hprof, header + 9 + 5);
        java.nio.ByteBuffer.wrap(head, header, 9).put((byte) 0x42).putInt(0).putInt(0x7fff_ffff);
        Path gz = Dumps.write(dir, "bomb.hprof.gz", DumpDamage.gzip(head));
        HprofFormatException e = DamagedRead.of(gz, "a long unknown record in gzip").error();
        assertNotNull(e);
        assertTrue(e.getMessage().startsWith("corrupt record stream: unknown top-level records make up 2,147,483,656 of the first "),
                e.getMessage());
    }
}
