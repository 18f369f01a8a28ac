package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.DumpDamage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed files gone wrong: each gives one clear line that names what the file is, from both a
 * streaming command (histogram) and a graph command (analyze, which inflates once to --tmp).
 */
class CompressedDamageTest {
    @TempDir
    Path dir;
    @TempDir
    Path tmp;
    private byte[] hprof;

    @BeforeEach
    void dump() {
        DumpBuilder b = TinyDumps.tiny(DumpBuilder.hotspot().segments(3));
        b.primitiveArray(new long[30_000]); // several gzip chunks of 4 KB
        hprof = b.toBytes();
    }

    private DamagedRun[] both(String name, byte[] bytes) throws IOException {
        Path p = Files.write(dir.resolve(name), bytes);
        return new DamagedRun[] {DamagedRun.of("histogram " + name, "histogram", p.toString()),
            DamagedRun.of("analyze " + name, "analyze", p.toString(), "--tmp", tmp.toString())};
    }

    private void assertError(String name, byte[] bytes, String... words) throws IOException {
        for (DamagedRun r : both(name, bytes)) {
            assertTrue(r.error(), r.what() + ": " + r.result());
            for (String w : words) {
                assertTrue(r.result().err().contains(w), r.what() + " should say " + w + ": " + r.result());
            }
        }
        assertEmpty(tmp);
    }

    @Test
    void truncatedGzipReadsToTheCutAndSaysGzip() throws IOException {
        byte[] gz = DumpDamage.gzipChunked(hprof, 4096);
        for (DamagedRun r : both("cut.hprof.gz", Arrays.copyOf(gz, gz.length / 2))) {
            assertEquals(0, r.result().code(), r.result()::toString);
            r.assertTruncatedOrError();
            assertTrue(r.result().err().contains("gzip file cut.hprof.gz") || r.result().err().contains("gzip stream is cut short"),
                    r.result()::toString);
        }
        assertEmpty(tmp);
        assertError("stub.hprof.gz", Arrays.copyOf(gz, 6), "stub.hprof.gz", "gzip");
    }

    @Test
    void corruptDeflateStream() throws IOException {
        byte[] gz = DumpDamage.gzipChunked(hprof, 4096);
        Arrays.fill(gz, gz.length / 2, gz.length / 2 + 64, (byte) 0xFF);
        assertError("corrupt.hprof.gz", gz, "corrupt gzip data");
    }

    @Test
    void gzipOfSomethingElse() throws IOException {
        assertError("log.gz", DumpDamage.gzip("a log line\n".repeat(50).getBytes(StandardCharsets.US_ASCII)),
                "log.gz is gzip-compressed", "not an HPROF heap dump");
    }

    @Test
    void bzip2AndZip() throws IOException {
        byte[] bz = Arrays.copyOf("BZh91AY&SY".getBytes(StandardCharsets.US_ASCII), 64);
        assertError("heap.hprof.bz2", bz, "heap.hprof.bz2 is bzip2-compressed data", "decompress it first");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("heap.hprof"));
            zip.write(hprof);
        }
        assertError("heap.zip", out.toByteArray(), "heap.zip is a zip archive", "decompress it first");
    }

    @Test
    void gzipTwiceStillReads() throws IOException {
        for (DamagedRun r : both("twice.hprof.gz.gz", DumpDamage.gzip(DumpDamage.gzip(hprof)))) {
            assertEquals(0, r.result().code(), r.result()::toString);
            assertTrue(r.result().out().contains("com.example.cache.Entry") || r.result().out().contains("VERDICT"),
                    r.result()::toString);
        }
        assertEmpty(tmp);
    }

    static void assertEmpty(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            assertEquals(java.util.List.of(), s.toList(), "temporary files left in " + folder);
        }
    }
}
