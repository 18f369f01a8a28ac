package dev.heapchain.hprof.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Checks the test writer against a deliberately separate, minimal reading of its bytes. */
class HprofWriterTest {

    /** Top-level tags in file order; fails if the lengths do not add up to the file size. */
    private static List<Integer> tags(byte[] hprof) {
        ByteBuffer b = ByteBuffer.wrap(hprof);
        int pos = headerEnd(hprof);
        List<Integer> tags = new ArrayList<>();
        while (pos < hprof.length) {
            tags.add(b.get(pos) & 0xFF);
            pos += 9 + b.getInt(pos + 5);
        }
        assertEquals(hprof.length, pos, "record lengths must sum to the file size");
        return tags;
    }

    private static int headerEnd(byte[] hprof) {
        int nul = 0;
        while (hprof[nul] != 0) {
            nul++;
        }
        return nul + 1 + 4 + 8;
    }

    private static DumpBuilder sample(DumpBuilder b) {
        HeapClass base = b.newClass("com.example.Base").instanceField("b", BasicType.LONG);
        HeapClass sub = b.newClass("com.example.Sub").superclass(base)
                .instanceField("a", BasicType.INT).instanceField("next", BasicType.OBJECT)
                .staticField("S", HprofValue.ofDouble(1.0));
        HeapInstance prev = null;
        for (int i = 0; i < 20; i++) {
            prev = b.newInstance(sub).set("a", i).set("b", 2L * i).set("next", prev);
        }
        long array = b.objectArray(prev.id(), b.string("x"), b.unusedId());
        int thread = b.thread("main", b.frame("run", "()V", "Sub.java", sub, 7));
        b.rootJavaFrame(array, thread, 0).rootStickyClass(sub);
        b.primitiveArray(new int[] {1, 2, 3});
        return b;
    }

    @Test
    void headerHasFormatNulIdSizeAndTimestamp() {
        byte[] hprof = DumpBuilder.hotspot().timestampMillis(0x0102030405060708L).toBytes();
        byte[] name = "JAVA PROFILE 1.0.2".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(name, Arrays.copyOf(hprof, name.length));
        ByteBuffer b = ByteBuffer.wrap(hprof);
        assertEquals(0, b.get(name.length));
        assertEquals(8, b.getInt(name.length + 1));
        assertEquals(0x0102030405060708L, b.getLong(name.length + 5));

        byte[] android = DumpBuilder.android().toBytes();
        assertEquals("JAVA PROFILE 1.0.3", new String(android, 0, 18, StandardCharsets.US_ASCII));
        assertEquals(4, ByteBuffer.wrap(android).getInt(19));
    }

    @Test
    void recordLengthsSumToFileSizeInEveryLayout() {
        for (DumpBuilder b : List.of(DumpBuilder.hotspot(), DumpBuilder.android(),
                DumpBuilder.hotspot().idSize(4).singleHeapDump(),
                DumpBuilder.hotspot().version(HprofVersion.JAVA_1_0_1).segments(7).shuffled(3))) {
            byte[] hprof = sample(b).toBytes();
            List<Integer> tags = tags(hprof);
            int segment = tags.indexOf(HprofTag.HEAP_DUMP_SEGMENT) >= 0
                    ? tags.indexOf(HprofTag.HEAP_DUMP_SEGMENT) : tags.indexOf(HprofTag.HEAP_DUMP);
            DumpDamage.Span record = DumpDamage.records(hprof).get(segment);
            List<DumpDamage.Span> subs = DumpDamage.subRecords(hprof, segment);
            int end = subs.isEmpty() ? record.offset() + 9 : subs.get(subs.size() - 1).end();
            assertEquals(record.end(), end, "sub-records must fill their record exactly");
        }
    }

    @Test
    void splitsSubRecordsIntoSegmentsAndShufflesDeterministically() {
        byte[] plain = sample(DumpBuilder.hotspot().segments(4)).toBytes();
        List<Integer> tags = tags(plain);
        assertEquals(4, tags.stream().filter(t -> t == HprofTag.HEAP_DUMP_SEGMENT).count());
        assertEquals(HprofTag.HEAP_DUMP_END, tags.get(tags.size() - 1));
        byte[] single = sample(DumpBuilder.hotspot().singleHeapDump()).toBytes();
        assertEquals(1, tags(single).stream().filter(t -> t == HprofTag.HEAP_DUMP).count());

        byte[] shuffled = sample(DumpBuilder.hotspot().segments(4).shuffled(1)).toBytes();
        assertArrayEquals(shuffled, sample(DumpBuilder.hotspot().segments(4).shuffled(1)).toBytes());
        assertEquals(sortedSubRecords(plain), sortedSubRecords(shuffled));
        List<Integer> subTags = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i) == HprofTag.HEAP_DUMP_SEGMENT) {
                DumpDamage.subRecords(shuffled, i).forEach(s -> subTags.add(s.tag()));
            }
        }
        assertTrue(subTags.indexOf(HprofTag.INSTANCE_DUMP) < subTags.lastIndexOf(HprofTag.CLASS_DUMP),
                "shuffling should put some instance before a class dump");
    }

    private static List<String> sortedSubRecords(byte[] hprof) {
        List<String> all = new ArrayList<>();
        List<DumpDamage.Span> records = DumpDamage.records(hprof);
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).tag() == HprofTag.HEAP_DUMP_SEGMENT) {
                for (DumpDamage.Span s : DumpDamage.subRecords(hprof, i)) {
                    all.add(Arrays.toString(Arrays.copyOfRange(hprof, s.offset(), s.end())));
                }
            }
        }
        all.sort(null);
        return all;
    }

    @Test
    void instanceValuesListOwnFieldsBeforeSuperclassFields() {
        DumpBuilder b = DumpBuilder.hotspot().idSize(4);
        HeapClass base = b.newClass("Base").instanceField("b", BasicType.LONG);
        HeapClass sub = b.newClass("Sub").superclass(base).instanceField("a", BasicType.INT);
        long id = b.newInstance(sub).set("a", 1).set("b", 2L).id();
        byte[] hprof = b.toBytes();
        DumpDamage.Span inst = findSubRecord(hprof, HprofTag.INSTANCE_DUMP);
        ByteBuffer body = ByteBuffer.wrap(hprof, inst.offset() + 1, inst.length() - 1);
        assertEquals(id, Integer.toUnsignedLong(body.getInt()));
        body.getInt();
        assertEquals(sub.id(), Integer.toUnsignedLong(body.getInt()));
        assertEquals(12, body.getInt());
        assertEquals(1, body.getInt());
        assertEquals(2L, body.getLong());
    }

    @Test
    void brokenHierarchiesAndMissingClassesStillWrite() {
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass self = b.newClass("Self").instanceField("x", BasicType.INT);
        self.superclass(self);
        HeapClass p = b.newClass("P").instanceField("p", BasicType.INT);
        HeapClass q = b.newClass("Q").superclass(p).instanceField("q", BasicType.INT);
        p.superclass(q);
        b.newInstance(self).set("x", 1);
        b.newInstance(q).set("p", 1).set("q", 2);
        b.newInstanceOfClassId(b.unusedId());
        HeapClass dup = b.newClass("Dup").loadClassRecords(2).classDumpRecords(2);
        byte[] hprof = b.toBytes();
        // 12 core classes, Self, P, Q, and Dup twice.
        assertEquals(12 + 3 + 2, tags(hprof).stream().filter(t -> t == HprofTag.LOAD_CLASS).count());
        assertNotEquals(0, dup.id());
        DumpDamage.Span missing = findSubRecords(hprof, HprofTag.INSTANCE_DUMP).get(2);
        assertEquals(1 + 8 + 4 + 8 + 4, missing.length(), "unknown class: no field bytes");
    }

    @Test
    void modifiedUtf8EncodesNulAndSurrogatesSeparately() {
        assertArrayEquals(new byte[] {'a', (byte) 0xC0, (byte) 0x80}, HprofWriter.modifiedUtf8("a\0"));
        assertArrayEquals(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED,
            (byte) 0xB8, (byte) 0x80}, HprofWriter.modifiedUtf8("\uD83D\uDE00"));
    }

    @Test
    void truncationAndLengthDamageHitTheRightBytes() {
        byte[] hprof = sample(DumpBuilder.hotspot().segments(3)).toBytes();
        List<Integer> boundaries = DumpDamage.recordBoundaries(hprof);
        assertEquals(headerEnd(hprof), boundaries.get(0));
        for (int i = 0; i < boundaries.size(); i++) {
            byte[] cut = DumpDamage.truncate(hprof, boundaries.get(i));
            assertEquals(i, tags(cut).size());
        }
        int seg = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 0);
        byte[] longer = DumpDamage.setRecordLength(hprof, seg, 0xFFFF_FFF0L);
        assertEquals(0xFFFF_FFF0, ByteBuffer.wrap(longer).getInt(boundaries.get(seg) + 5));
        assertEquals(hprof.length, longer.length);
    }

    @Test
    void insertionsKeepLengthsConsistent() {
        byte[] hprof = sample(DumpBuilder.hotspot().segments(2)).toBytes();
        int seg = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 1);
        int at = DumpDamage.subRecords(hprof, seg).get(1).offset();
        byte[] bad = DumpDamage.insertUnknownSubTag(hprof, seg, 1, 0x8F);
        assertEquals(hprof.length + 9, bad.length);
        assertEquals(0x8F, bad[at] & 0xFF);
        assertEquals(tags(hprof), tags(bad));

        byte[] unknown = DumpDamage.insertRecord(hprof, 2, 0xFF, new byte[] {1, 2});
        List<Integer> tags = tags(unknown);
        assertEquals(0xFF, tags.get(2));
        assertEquals(tags(hprof).size() + 1, tags.size());
    }

    @Test
    void gzipHelpersRoundTrip() throws IOException {
        byte[] hprof = sample(DumpBuilder.hotspot()).toBytes();
        assertArrayEquals(hprof, gunzip(DumpDamage.gzip(hprof)));
        byte[] chunked = DumpDamage.gzipChunked(hprof, 1000);
        assertArrayEquals(hprof, gunzip(chunked));
        assertArrayEquals(hprof, gunzip(DumpDamage.gzipChunked(hprof)));
        assertEquals(0x10, chunked[3], "first member carries FCOMMENT");
        assertEquals("HPROF BLOCKSIZE=1000", new String(chunked, 10, 20, StandardCharsets.US_ASCII));
        int members = 0;
        for (int i = 0; i + 2 < chunked.length; i++) {
            if ((chunked[i] & 0xFF) == 0x1F && (chunked[i + 1] & 0xFF) == 0x8B && chunked[i + 2] == 8) {
                members++;
            }
        }
        assertTrue(members >= (hprof.length + 999) / 1000, "one member per chunk, found " + members);
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static DumpDamage.Span findSubRecord(byte[] hprof, int subTag) {
        return findSubRecords(hprof, subTag).get(0);
    }

    private static List<DumpDamage.Span> findSubRecords(byte[] hprof, int subTag) {
        List<DumpDamage.Span> found = new ArrayList<>();
        List<DumpDamage.Span> records = DumpDamage.records(hprof);
        for (int i = 0; i < records.size(); i++) {
            int tag = records.get(i).tag();
            if (tag == HprofTag.HEAP_DUMP || tag == HprofTag.HEAP_DUMP_SEGMENT) {
                DumpDamage.subRecords(hprof, i).stream().filter(s -> s.tag() == subTag)
                        .forEach(found::add);
            }
        }
        return found;
    }
}
