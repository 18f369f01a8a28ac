package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.heapchain.analysis.AnalysisOptions;
import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.HistogramPass;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.ClassDump;
import dev.heapchain.hprof.testing.HeapRecordWriter;
import dev.heapchain.hprof.testing.HprofVersion;
import dev.heapchain.hprof.testing.HprofWriter;
import dev.heapchain.hprof.testing.RootKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump of about 5 GiB: three long[] arrays (2, 2 and 1 GiB) each in its own segment, then
 * objects past the 4 GiB mark. The array bytes are file holes (sparse), so the test writes a few
 * KB; the reader seeks over them. Offsets are longs everywhere: counts must be right and messages
 * must name offsets past 2^32 exactly. Skipped where the temp folder has under 10 GB free, since
 * a file system without holes would store every byte.
 */
class HprofPast4GiBTest {
    private static final long[] ARRAY_LONGS = {1L << 28, 1L << 28, 1L << 27};
    private static final long OBJECT = 0x7f00_0000_1000L;
    private static final long LINK = 0x7f00_0000_2000L;
    private static final long FIRST_ARRAY = 0x7f10_0000_0000L;
    private static final int LINKS = 3;

    @TempDir
    Path dir;
    /** Offset of the first sub-record after the arrays, in the last segment. */
    private long lastSegmentBody;

    @BeforeEach
    void enoughSpace() throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace();
        if (free < (10L << 30)) {
            System.out.println("NOTICE: " + dir + " has " + (free >> 20) + " MB free, under 10 GB; skipping the past-4-GiB test");
        }
        assumeTrue(free >= (10L << 30), "needs 10 GB free in the temp folder");
    }

    @Test
    void countsAreRightPast4GiB() throws IOException {
        Path p = write("big.hprof", null);
        assertTrue(Files.size(p) > (9L << 29), "over 4.5 GiB: " + Files.size(p));
        ClassHistogram h = HistogramPass.run(HprofFile.open(p), 0);
        Map<String, Long> counts = Dumps.instancesByClass(h);
        assertEquals(3L, counts.get("long[]"), counts::toString);
        assertEquals((long) LINKS, counts.get("test.Link"), counts::toString);
        assertTrue(h.dump().warnings().isEmpty(), h.dump().warnings()::toString);
        long arrayBytes = h.rows().stream().filter(r -> r.className().equals("long[]")).mapToLong(ClassHistogram.Row::shallowBytes).sum();
        assertTrue(arrayBytes > (5L << 30), "shallow bytes of 5 GiB of longs: " + arrayBytes);

        HeapAnalysis a = HeapAnalysis.run(HprofFile.open(p), AnalysisOptions.defaults());
        assertTrue(a.graph().node(FIRST_ARRAY + 2 * 0x1000) >= 0, "the last array is a node");
        assertTrue(a.dominators().retainedSize(a.graph().node(0x7f20_0000_0000L)) > (5L << 30),
                "the first link holds every array");
    }

    @Test
    void unknownSubTagPast4GiBIsNamedAtItsExactOffset() throws IOException {
        Path p = write("bad-tag.hprof", new byte[] {(byte) 0x8f, 0, 0, 0, 0, 0, 0, 0, 0});
        HprofFormatException e = assertThrows(HprofFormatException.class, () -> HistogramPass.run(HprofFile.open(p), 0));
        assertTrue(lastSegmentBody > (1L << 32));
        assertEquals(lastSegmentBody, e.offset());
        assertTrue(e.getMessage().contains("offset " + lastSegmentBody), e.getMessage());
    }

    @Test
    void truncationPast4GiBNamesTheOffset() throws IOException {
        Path p = write("cut.hprof", null);
        long cut = lastSegmentBody - 1000; // inside the third array, past 4 GiB
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.truncate(cut);
        }
        ClassHistogram h = HistogramPass.run(HprofFile.open(p), 0);
        assertTrue(h.dump().truncated());
        HprofWarning w = h.dump().warnings().stream().filter(x -> x.kind().equals("truncated")).findFirst().orElseThrow();
        assertTrue(w.offset() > (1L << 32), w.toString());
        assertTrue(w.message().contains(Long.toString(w.offset())), w.message());
        // The cut array's header is complete, so it is counted; the links after it are lost.
        assertEquals(3L, Dumps.instancesByClass(h).get("long[]"));
        assertEquals(null, Dumps.instancesByClass(h).get("test.Link"));
    }

    /**
     * Header, names and classes, then per array a segment whose body is a PRIM_ARRAY_DUMP header
     * followed by a hole, then a last segment of links (link i holds array i and link i+1).
     */
    private Path write(String name, byte[] badSubRecord) throws IOException {
        Path p = dir.resolve(name);
        HprofWriter w = HprofWriter.inMemory(HprofVersion.JAVA_1_0_2, 8, 0);
        w.utf8(1, "java/lang/Object").utf8(2, "test/Link").utf8(3, "next").utf8(4, "[J").utf8(5, "arrays");
        w.loadClass(1, OBJECT, 0, 1).loadClass(2, LINK, 0, 2);
        HeapRecordWriter h = w.newHeapRecords();
        h.classDump(new ClassDump(OBJECT, 0, 0, 0, List.of(), List.of()));
        h.classDump(new ClassDump(LINK, 0, OBJECT, 16, List.of(), List.of(
                new ClassDump.InstanceField(3, BasicType.OBJECT), new ClassDump.InstanceField(5, BasicType.OBJECT))));
        h.root(RootKind.JNI_GLOBAL, link(0), 0x99);
        w.heapDumpSegment(h.subRecords());
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long pos = put(ch, 0, w.toByteArray());
            for (int i = 0; i < ARRAY_LONGS.length; i++) {
                long bytes = ARRAY_LONGS[i] * 8;
                ByteBuffer head = ByteBuffer.allocate(9 + 18).put((byte) 0x1C).putInt(0).putInt((int) (18 + bytes))
                        .put((byte) 0x23).putLong(FIRST_ARRAY + i * 0x1000L).putInt(0).putInt((int) ARRAY_LONGS[i]).put((byte) 11);
                pos = put(ch, pos, head.array()) + bytes; // the elements: a hole
            }
            HeapRecordWriter links = new HeapRecordWriter(8);
            if (badSubRecord != null) {
                links.raw(badSubRecord);
            }
            for (int i = 0; i < LINKS; i++) {
                ByteBuffer fields = ByteBuffer.allocate(16).putLong(i + 1 < LINKS ? link(i + 1) : 0)
                        .putLong(FIRST_ARRAY + i * 0x1000L);
                links.instanceDump(link(i), 0, LINK, fields.array());
            }
            lastSegmentBody = pos + 9;
            put(ch, pos, segmentThenEnd(links.subRecords()));
        }
        return p;
    }

    private static long link(int i) {
        return 0x7f20_0000_0000L + 32L * i;
    }

    private static long put(FileChannel ch, long pos, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
        return pos;
    }

    /** A HEAP_DUMP_SEGMENT of these sub-records, then HEAP_DUMP_END: records as the writer frames them. */
    private static byte[] segmentThenEnd(List<byte[]> subRecords) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        subRecords.forEach(body::writeBytes);
        return ByteBuffer.allocate(9 + body.size() + 9).put((byte) 0x1C).putInt(0).putInt(body.size())
                .put(body.toByteArray()).put((byte) 0x2C).putInt(0).putInt(0).array();
    }
}
