package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.DumpDamage;
import dev.heapchain.hprof.testing.HprofTag;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lengths and counts come from the file, so a hostile or corrupt one must neither size an
 * allocation nor overflow an int: every case ends quickly, allocates little
 * ({@link DamagedRead#MAX_ALLOCATION}) and gives a partial result or a format error.
 */
class HprofHostileLengthsTest {
    private static final long U4_MAX = 0xFFFF_FFFFL;
    @TempDir
    Path dir;

    private DamagedRead read(byte[] hprof, String what) {
        return DamagedRead.of(Dumps.write(dir, what.replace(' ', '-') + ".hprof", hprof), what);
    }

    private static DumpBuilder sample() {
        return SampleDump.populate(DumpBuilder.hotspot().segments(2));
    }

    @Test
    void allocationIsMeasured() {
        // Otherwise the allocation limit in every other test here would check nothing.
        DamagedRead r = read(sample().toBytes(), "clean");
        assertTrue(r.allocated() > 0, "this JVM must report per-thread allocation");
    }

    @Test
    void maximalLengthOnEveryKindOfRecord() {
        byte[] hprof = sample().toBytes();
        int[] tags = {HprofTag.UTF8, HprofTag.LOAD_CLASS, HprofTag.FRAME, HprofTag.TRACE,
            HprofTag.HEAP_DUMP_SEGMENT, HprofTag.HEAP_DUMP_END};
        for (int tag : tags) {
            int index = DumpDamage.recordIndex(hprof, tag, 0);
            assertTrue(index >= 0, "sample lacks tag " + tag);
            for (long length : new long[] {U4_MAX, 0x7FFF_FFFFL, HprofInput.BUFFER_SIZE + 1L}) {
                read(DumpDamage.setRecordLength(hprof, index, length), "tag " + tag + " length " + length)
                        .assertTruncatedOrError("tag " + tag + " with length " + length);
            }
        }
    }

    @Test
    void recordLengthPastTheEndOfTheFile() {
        byte[] hprof = sample().toBytes();
        int last = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 1);
        int length = DumpDamage.records(hprof).get(last).length() - 9;
        DamagedRead r = read(DumpDamage.setRecordLength(hprof, last, length + 1000L), "past end");
        r.assertTruncatedOrError("segment 1000 bytes longer than the file");
    }

    @Test
    void arrayCountTimesElementSizeOverflowingInt() {
        DumpBuilder b = sample();
        // long[] of 2^29 elements: 2^32 bytes, which is 0 in 32-bit arithmetic.
        b.rawHeapSubRecord(primitiveArrayHeader(8, 0x7f00_0000_9000L, 1 << 29, 11));
        // int[] of 0x8000_0001 elements: more than any Java array.
        b.rawHeapSubRecord(primitiveArrayHeader(8, 0x7f00_0000_9100L, 0x8000_0001L, 10));
        DamagedRead r = read(b.toBytes(), "array overflow");
        assertNotNull(r.error(), "an array longer than its heap record must be an error");
        assertTrue(r.error().getMessage().contains("elements"), r.error().getMessage());
    }

    @Test
    void objectArrayWithMaximalCount() {
        DumpBuilder b = sample();
        ByteBuffer sub = ByteBuffer.allocate(1 + 8 + 4 + 4 + 8).put((byte) HprofTag.OBJ_ARRAY_DUMP)
                .putLong(0x7f00_0000_9200L).putInt(1).putInt(-1).putLong(b.objectArrayClass().id());
        b.rawHeapSubRecord(sub.array());
        read(b.toBytes(), "object array count").assertTruncatedOrError("object array of 2^32-1 elements");
    }

    @Test
    void instanceWithMaximalFieldLength() {
        DumpBuilder b = sample();
        ByteBuffer sub = ByteBuffer.allocate(1 + 8 + 4 + 8 + 4).put((byte) HprofTag.INSTANCE_DUMP)
                .putLong(0x7f00_0000_9300L).putInt(1).putLong(b.objectClass().id()).putInt(-1);
        b.rawHeapSubRecord(sub.array());
        read(b.toBytes(), "instance length").assertTruncatedOrError("instance with 2^32-1 field bytes");
    }

    @Test
    void classDumpWithMaximalCounts() {
        DumpBuilder b = sample();
        // Class header, then constant pool, statics and fields all claiming 65535 entries with no bytes.
        ByteBuffer sub = ByteBuffer.allocate(1 + 7 * 8 + 4 + 4 + 2 + 2).put((byte) HprofTag.CLASS_DUMP)
                .putLong(0x7f00_0000_9400L).putInt(1).putLong(0).putLong(0).putLong(0).putLong(0)
                .putLong(0).putLong(0).putInt(16).putShort((short) 0).putShort((short) -1);
        b.rawHeapSubRecord(sub.array());
        read(b.toBytes(), "class dump counts").assertTruncatedOrError("class dump with 65535 statics");
    }

    @Test
    void traceWithMaximalFrameCount() {
        byte[] hprof = sample().toBytes();
        byte[] body = ByteBuffer.allocate(12).putInt(77).putInt(1).putInt(-1).array();
        int index = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 0);
        DamagedRead r = read(DumpDamage.insertRecord(hprof, index, HprofTag.TRACE, body), "trace frames");
        assertNotNull(r.error(), "a TRACE claiming more frames than its length holds is corrupt");
    }

    @Test
    void hostileLengthsInsideGzip() {
        // Compressed input has no known size, so "past the end" is only found by reading on.
        byte[] hprof = sample().toBytes();
        int utf8 = DumpDamage.recordIndex(hprof, HprofTag.UTF8, 3);
        int segment = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 1);
        for (byte[] damaged : new byte[][] {DumpDamage.setRecordLength(hprof, utf8, U4_MAX),
            DumpDamage.setRecordLength(hprof, segment, U4_MAX)}) {
            read(DumpDamage.gzipChunked(damaged, 4096), "gz").assertTruncatedOrError("gzip with a hostile length");
        }
    }

    private static byte[] primitiveArrayHeader(int idSize, long id, long count, int typeCode) {
        return ByteBuffer.allocate(1 + idSize + 4 + 4 + 1).put((byte) HprofTag.PRIM_ARRAY_DUMP).putLong(id)
                .putInt(1).putInt((int) count).put((byte) typeCode).array();
    }
}
