package dev.heapchain.hprof;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipException;

/**
 * Inflates a gzip dump once into a temporary plain file. The graph commands read a dump two or
 * three times (index, references, values); inflating costs more than reading, so one inflation
 * plus plain reads beats three inflations.
 */
final class GzipInflater {
    private GzipInflater() {
    }

    static HprofFile inflate(HprofFile file, Path tmpDir) {
        Path copy;
        try {
            // createTempFile gives rw------- on POSIX: a dump holds secrets.
            copy = Files.createTempFile(tmpDir, "heapchain-", ".hprof");
        } catch (IOException e) {
            return file; // no usable temp folder: inflate on every pass instead
        }
        TempFiles.register(copy);
        long written = 0;
        boolean truncated = false;
        byte[] buf = new byte[1 << 20];
        try (InputStream in = file.openDecompressed();
             OutputStream out = Files.newOutputStream(copy, StandardOpenOption.WRITE)) {
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    written += n;
                }
            } catch (EOFException e) {
                // Cut short: keep what inflated; the reader reports the truncation at its offset.
                truncated = true;
            } catch (ZipException e) {
                TempFiles.delete(copy);
                throw new HprofFormatException(file.path().getFileName() + " holds corrupt gzip data after "
                        + written + " bytes of uncompressed data (offset " + written + "): " + e.getMessage(), written);
            }
        } catch (IOException e) {
            // Most likely the temp folder is full: read the compressed dump directly instead.
            TempFiles.delete(copy);
            return file;
        }
        return file.withData(copy, written, truncated);
    }
}
