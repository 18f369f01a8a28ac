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
 * an unknown sub-tag ends the read with an error that says enough to diagnose it.
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
}
