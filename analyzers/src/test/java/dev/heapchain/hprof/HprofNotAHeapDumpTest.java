package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.DumpDamage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not HPROF fail at once with one line that says what they are. */
class HprofNotAHeapDumpTest {
    @TempDir
    Path dir;

    private String failure(String name, byte[] bytes) {
        Path p = Dumps.write(dir, name, bytes);
        HprofFormatException e = assertThrows(HprofFormatException.class,
                () -> new HprofReader(HprofFile.open(p)).read(new ReadProbe()));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        assertTrue(m.contains(name) || m.contains("at offset") || m.contains("header"), "says which file or where: " + m);
        return m;
    }

    @Test
    void textFile() {
        String m = failure("notes.txt", "hello, this is not a heap dump\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(m.contains("not HPROF") && m.contains("68 65 6c 6c"), m);
    }

    @Test
    void emptyFile() {
        assertTrue(failure("empty.hprof", new byte[0]).contains("empty"));
    }

    @Test
    void zipArchive() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("heap.hprof"));
            zip.write(DumpBuilder.hotspot().toBytes());
        }
        String m = failure("heap.zip", out.toByteArray());
        assertTrue(m.contains("zip") && m.contains("decompress"), m);
    }

    @Test
    void bzip2() {
        byte[] bz = ByteBuffer.allocate(64).put("BZh91AY&SY".getBytes(StandardCharsets.US_ASCII)).array();
        assertTrue(failure("heap.hprof.bz2", bz).contains("bzip2"));
    }

    @Test
    void gzipOfText() {
        String m = failure("log.gz", DumpDamage.gzip("just a log line\n".repeat(10).getBytes(StandardCharsets.US_ASCII)));
        assertTrue(m.contains("gzip") && m.contains("not HPROF"), m);
    }

    @Test
    void corruptGzip() {
        byte[] gz = DumpDamage.gzip(DumpBuilder.hotspot().toBytes());
        Arrays.fill(gz, 10, gz.length - 8, (byte) 0x55);
        assertTrue(failure("bad.hprof.gz", gz).contains("gzip"));
    }

    @Test
    void unsupportedVersionAndIdSize() {
        byte[] good = DumpBuilder.hotspot().toBytes();
        byte[] version = good.clone();
        version[17] = '9'; // JAVA PROFILE 1.0.9
        assertTrue(failure("v9.hprof", version).contains("JAVA PROFILE 1.0.9"));
        byte[] idSize = good.clone();
        ByteBuffer.wrap(idSize).putInt(19, 3);
        String m = failure("id3.hprof", idSize);
        assertTrue(m.contains("identifier size 3"), m);
    }

    @Test
    void noFormatNameTerminator() {
        byte[] b = "JAVA PROFILE 1.0.2 with no NUL byte anywhere in the first sixty-four bytes of the file ..."
                .getBytes(StandardCharsets.US_ASCII);
        assertTrue(failure("nonul.hprof", b).contains("header"));
    }

    @Test
    void missingFileAndDirectory() throws IOException {
        HprofFormatException missing = assertThrows(HprofFormatException.class, () -> HprofFile.open(dir.resolve("nope.hprof")));
        assertTrue(missing.getMessage().contains("nope.hprof"), missing.getMessage());
        Path sub = Files.createDirectory(dir.resolve("folder"));
        HprofFormatException folder = assertThrows(HprofFormatException.class, () -> HprofFile.open(sub));
        assertTrue(folder.getMessage().contains("directory"), folder.getMessage());
    }
}
