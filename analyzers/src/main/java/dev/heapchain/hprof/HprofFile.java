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
 * every member of a multi-member file, which is how {@code jcmd GC.heap_dump -gz} writes. Commands
 * that read a dump several times can {@link #inflated inflate} it once to a temporary file instead.
 * The dump itself is only ever opened for reading.
 */
public final class HprofFile implements AutoCloseable {
    /** What the first bytes say the file is. */
    public enum Container {
        PLAIN, GZIP, GZIP_IN_GZIP
    }

    private static final int GZIP_BUFFER = 1 << 16;
    /** Smallest read buffer: every fixed part of a record fits many times over. */
    private static final int MIN_BUFFER = 1 << 16;

    private final Path path;
    private final long fileSize;
    private final Container container;
    /** Plain HPROF bytes: the dump itself, or the temporary file it was inflated to; null to inflate per pass. */
    private final Path data;
    private final long dataSize;
    private final boolean inflatedTruncated;

    private HprofFile(Path path, long fileSize, Container container, Path data, long dataSize, boolean inflatedTruncated) {
        this.path = path;
        this.fileSize = fileSize;
        this.container = container;
        this.data = data;
        this.dataSize = dataSize;
        this.inflatedTruncated = inflatedTruncated;
    }

    private HprofFile(Path path, long fileSize, Container container) {
        this(path, fileSize, container, container == Container.PLAIN ? path : null,
                container == Container.PLAIN ? fileSize : -1, false);
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

    /** Uncompressed size when known (plain or inflated), else -1. */
    public long dataSize() {
        return dataSize;
    }

    /** Whether this reads a temporary inflated copy, which {@link #close} deletes. */
    public boolean isInflatedCopy() {
        return container != Container.PLAIN && data != null;
    }

    /** The inflated copy ends where the gzip stream was cut short. */
    public boolean inflatedTruncated() {
        return inflatedTruncated;
    }

    /**
     * For a compressed dump, a view that reads a plain copy inflated once into {@code tmpDir}
     * (readable by the owner only), so that passes 2 and 3 do not inflate the gzip again; a plain
     * dump answers itself. Close the view to delete the copy; a shutdown hook deletes it on exit
     * or Ctrl-C otherwise. When the copy cannot be written (disk full, no such folder), the view
     * falls back to inflating per pass.
     */
    public HprofFile inflated(Path tmpDir) {
        if (data != null) {
            return this;
        }
        return GzipInflater.inflate(this, tmpDir);
    }

    HprofFile withData(Path copy, long size, boolean truncated) {
        return new HprofFile(path, fileSize, container, copy, size, truncated);
    }

    /** The decompressing stream over the whole file; callers close it. */
    InputStream openDecompressed() throws IOException {
        InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path), GZIP_BUFFER), GZIP_BUFFER);
        return container == Container.GZIP_IN_GZIP ? new GZIPInputStream(in, GZIP_BUFFER) : in;
    }

    /** Deletes the inflated copy, if this view made one; the dump itself is never touched. */
    @Override
    public void close() {
        if (isInflatedCopy()) {
            TempFiles.delete(data);
        }
    }

    /**
     * The read buffer: 4 MiB for big or unknown sizes, less for small files, where allocating and
     * zeroing 4 MiB per pass would cost more than reading them (a fuzzing run opens millions).
     * Any record that fits the file fits a buffer larger than the file.
     */
    private static int bufferSize(long size) {
        return size < 0 ? HprofInput.BUFFER_SIZE : (int) Math.max(MIN_BUFFER, Math.min(HprofInput.BUFFER_SIZE, size + 64));
    }

    /**
     * A new cursor at an offset of the uncompressed data, with a small buffer, for reading a few
     * records; null when the data cannot be read at an offset (gzip without an inflated copy).
     */
    public HprofInput openInputAt(long offset) {
        if (data == null) {
            return null;
        }
        try {
            FileChannel ch = FileChannel.open(data, StandardOpenOption.READ);
            ch.position(offset);
            return new HprofInput(ch, dataSize, offset, bufferSize(Math.min(dataSize, 1 << 20)));
        } catch (IOException e) {
            throw new HprofFormatException("cannot read " + path + ": " + e.getMessage(), offset);
        }
    }

    /** A new cursor at offset 0 of the uncompressed stream. The caller closes it. */
    public HprofInput openInput() {
        try {
            if (data != null) {
                FileChannel ch = FileChannel.open(data, StandardOpenOption.READ);
                return new HprofInput(ch, dataSize, 0, bufferSize(dataSize));
            }
            return new HprofInput(Channels.newChannel(openDecompressed()), -1, 0);
        } catch (IOException e) {
            throw new HprofFormatException("cannot read " + path + ": " + e.getMessage(), -1);
        }
    }
}
