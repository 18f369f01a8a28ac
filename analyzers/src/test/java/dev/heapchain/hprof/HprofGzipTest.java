package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.DumpDamage;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gzip (one member) and HotSpot's chunked {@code -gz} (many members) read like the plain file. */
class HprofGzipTest {
    @TempDir
    Path dir;
    private byte[] plain;
    private ClassHistogram expected;

    @BeforeEach
    void build() {
        DumpBuilder b = SampleDump.populate(DumpBuilder.hotspot().segments(3));
        // Enough bulk that a small chunk size gives many members, and one array spans several.
        b.primitiveArray(new long[20_000]);
        plain = b.toBytes();
        expected = Dumps.histogram(Dumps.write(dir, "plain.hprof", plain));
    }

    @Test
    void singleMemberGzip() {
        Path p = Dumps.write(dir, "one.hprof.gz", DumpDamage.gzip(plain));
        assertEquals(HprofFile.Container.GZIP, HprofFile.open(p).container());
        assertSame(Dumps.histogram(p));
    }

    @Test
    void chunkedGzipAsJcmdWritesIt() {
        byte[] gz = DumpDamage.gzipChunked(plain, 4096);
        Path p = Dumps.write(dir, "chunked.hprof.gz", gz);
        assertEquals(HprofFile.Container.GZIP, HprofFile.open(p).container());
        assertTrue(plain.length / 4096 >= 30, "the test needs many members");
        assertSame(Dumps.histogram(p));
        assertEquals(plain.length, Dumps.read(p).bytesRead());
    }

    @Test
    void chunkedGzipWithHotspotsChunkSize() {
        assertSame(Dumps.histogram(Dumps.write(dir, "hs.hprof.gz", DumpDamage.gzipChunked(plain))));
    }

    @Test
    void cutShortGzipGivesAPartialResultWithATruncationWarning() {
        byte[] gz = DumpDamage.gzipChunked(plain, 4096);
        Path p = Dumps.write(dir, "cut.hprof.gz", Arrays.copyOf(gz, gz.length * 2 / 3));
        HprofReadSummary s = Dumps.read(p);
        assertTrue(s.truncated());
        assertTrue(s.warnings().stream().anyMatch(w -> w.kind().equals("truncated") && w.offset() > 0),
                s.warnings()::toString);
    }

    private void assertSame(ClassHistogram actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.sizeModel(), actual.sizeModel());
        assertEquals(expected.totalShallowBytes(), actual.totalShallowBytes());
        assertTrue(actual.dump().warnings().isEmpty(), actual.dump().warnings()::toString);
        assertEquals("gzip", actual.dump().compression());
    }
}
