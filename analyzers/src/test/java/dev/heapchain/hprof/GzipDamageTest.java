package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.analysis.HistogramPass;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.DumpDamage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gzip files that lie or expand without end: a trailer that does not match, a stream of zeros, and
 * what the trailer predicts before anything is inflated.
 */
class GzipDamageTest {
    @TempDir
    Path dir;
    @TempDir
    Path tmp;
    private byte[] plain;

    @BeforeEach
    void build() {
        plain = SampleDump.populate(DumpBuilder.hotspot().segments(3)).toBytes();
    }

    @Test
    void aTrailerThatDoesNotMatchKeepsTheDataAndSaysSo() throws Exception {
        Path gz = Dumps.write(dir, "trailer.hprof.gz", DumpDamage.corruptTrailer(DumpDamage.gzip(plain)));
        ClassHistogram expected = Dumps.histogram(Dumps.write(dir, "plain.hprof", plain));
        ClassHistogram streamed = DamagedRead.of(gz, "bad trailer").assertResult("bad trailer");
        assertEquals(expected.rows(), streamed.rows(), "every block inflated: nothing is lost");
        assertEquals(List.of("gzip-trailer"), Dumps.kinds(streamed.dump().warnings()));
        HprofWarning w = streamed.dump().warnings().get(0);
        assertEquals(plain.length, w.offset());
        assertTrue(w.message().contains("does not match the data before it (CRC-32 or length)"), w.message());
        assertFalse(streamed.dump().truncated());
        try (HprofFile copy = HprofFile.open(gz).inflated(tmp)) {
            assertTrue(copy.isInflatedCopy());
            ClassHistogram inflated = HistogramPass.run(copy, 0);
            assertEquals(expected.rows(), inflated.rows());
            assertEquals(streamed.dump().warnings(), inflated.dump().warnings());
        }
    }

    @Test
    void aTrailerMidFileEndsTheStreamThere() {
        byte[] first = DumpDamage.gzip(Arrays.copyOf(plain, plain.length / 2));
        byte[] second = DumpDamage.gzip(Arrays.copyOfRange(plain, plain.length / 2, plain.length));
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(DumpDamage.corruptTrailer(first), 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        ClassHistogram h = DamagedRead.of(Dumps.write(dir, "mid.hprof.gz", both), "bad first trailer")
                .assertTruncatedOrError("bad first trailer").assertResult("bad first trailer");
        assertTrue(h.dump().warnings().stream().anyMatch(w -> w.kind().equals("gzip-trailer") && w.offset() == plain.length / 2),
                () -> plain.length / 2 + ": " + h.dump().warnings());
    }

    @Test
    void theTrailerPredictsTheSizeOfOneMemberOnly() {
        Path one = Dumps.write(dir, "one.hprof.gz", DumpDamage.gzip(plain));
        assertEquals(plain.length, GzipTrailer.predictedSize(HprofFile.open(one)));
        Path chunked = Dumps.write(dir, "chunked.hprof.gz", DumpDamage.gzipChunked(plain, 4096));
        assertEquals(-1, GzipTrailer.predictedSize(HprofFile.open(chunked)), "HPROF BLOCKSIZE=: the trailer is one chunk's");
        Path big = DumpDamage.gzipWithZeros(dir.resolve("big.hprof.gz"), Arrays.copyOf(plain, 31), (5L << 30) + 7);
        assertEquals((1L << 30) + 7 + 31, GzipTrailer.predictedSize(HprofFile.open(big)),
                "the length is mod 2^32: 5 GiB look like 1 GiB (a hint, which is why the copy also stops at the room it has)");
        byte[] small = DumpDamage.gzip(plain);
        java.nio.ByteBuffer.wrap(small).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(small.length - 4, 10);
        assertEquals((1L << 32) + 10, GzipTrailer.predictedSize(HprofFile.open(Dumps.write(dir, "ten.hprof.gz", small))),
                "no gzip of " + small.length + " bytes inflates to 10: the next size with that remainder is taken");
    }

    @Test
    void aZeroStreamIsInflatedNoFurtherThanItsStart() throws Exception {
        int header = DumpDamage.headerLength(plain);
        Path gz = DumpDamage.gzipWithZeros(dir.resolve("bomb.hprof.gz"), Arrays.copyOf(plain, header), 2L << 30);
        long start = System.nanoTime();
        try (HprofFile copy = HprofFile.open(gz).inflated(tmp)) {
            assertEquals(header + ZeroRun.MIN_RUN, copy.dataSize());
            assertEquals(List.of(), Files.list(tmp).toList());
            ClassHistogram h = HistogramPass.run(copy, 0);
            assertEquals(List.of("truncated", "no-heap-dump"), Dumps.kinds(h.dump().warnings()));
        }
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "2 GiB of zeros are not inflated");
    }
}
