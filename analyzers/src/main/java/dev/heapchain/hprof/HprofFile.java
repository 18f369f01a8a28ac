package dev.heapchain.hprof;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * A dump on disk: recognises what the file is by its first bytes and opens fresh cursors over the
 * uncompressed HPROF stream, one per pass. Gzip is undone on the fly; Java's GZIPInputStream reads
 * every member of a multi-member file, which is how {@code jcmd GC.heap_dump -gz} writes.
 */
public final class HprofFile {
    /** What the first bytes say the file is. */
    public enum Container {
        PLAIN, GZIP, GZIP_IN_GZIP
    }

    private static final int GZIP_BUFFER = 1 << 16;

    private final Path path;
    private final long fileSize;
    private final Container container;

    private HprofFile(Path path, long fileSize, Container container) {
        this.path = path;
        this.fileSize = fileSize;
        this.container = container;
    }

    /** Opens and identifies the file; a file that is not HPROF fails here with one clear line. */
    public static HprofFile open(Path path) {
        long size;
        byte[] head = new byte[32];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            size = Files.size(path);
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new HprofFormatException("no such file: " + path, -1);
        } catch (IOException e) {
            throw new HprofFormatException("cannot read " + path + ": " + e.getMessage(), -1);
        }
        if (Files.isDirectory(path)) {
            throw new HprofFormatException(path + " is a directory, not a heap dump", -1);
        }
        String kind = FileMagic.describe(head, n);
        if (kind == null) {
            return new HprofFile(path, size, Container.PLAIN);
        }
        if (kind.startsWith("not HPROF") || kind.equals("empty")) {
            throw new HprofFormatException(path.getFileName() + " is " + kind, 0);
        }
        if (!kind.equals(FileMagic.GZIP)) {
            throw new HprofFormatException(path.getFileName() + " is " + kind
                    + ", not an HPROF heap dump: decompress it first", 0);
        }
        return new HprofFile(path, size, innerGzipKind(path));
    }

    private static Container innerGzipKind(Path path) {
        byte[] inner = new byte[32];
        int n;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path), GZIP_BUFFER)) {
            n = in.readNBytes(inner, 0, inner.length);
        } catch (IOException e) {
            throw new HprofFormatException(path.getFileName() + " is gzip-compressed but cannot be inflated: "
                    + e.getMessage(), 0);
        }
        String kind = FileMagic.describe(inner, n);
        if (kind == null) {
            return Container.GZIP;
        }
        if (kind.equals(FileMagic.GZIP)) {
            return Container.GZIP_IN_GZIP;
        }
        throw new HprofFormatException(path.getFileName() + " is gzip-compressed " + kind
                + ", not an HPROF heap dump", 0);
    }

    public Path path() {
        return path;
    }

    /** Size of the file on disk (compressed size for gzip). */
    public long fileSize() {
        return fileSize;
    }

    public Container container() {
        return container;
    }

    public boolean compressed() {
        return container != Container.PLAIN;
    }

    /** A new cursor at offset 0 of the uncompressed stream. The caller closes it. */
    public HprofInput openInput() {
        try {
            if (container == Container.PLAIN) {
                FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
                return new HprofInput(ch, fileSize, 0);
            }
            InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path), GZIP_BUFFER), GZIP_BUFFER);
            if (container == Container.GZIP_IN_GZIP) {
                in = new GZIPInputStream(in, GZIP_BUFFER);
            }
            return new HprofInput(Channels.newChannel(in), -1, 0);
        } catch (IOException e) {
            throw new HprofFormatException("cannot read " + path + ": " + e.getMessage(), -1);
        }
    }
}
