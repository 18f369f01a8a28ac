package dev.heapchain.hprof;

import dev.heapchain.util.ScratchFile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A dump on disk: recognises what the file is by its first bytes and opens fresh cursors over the
 * uncompressed HPROF stream, one per pass. Gzip is undone on the fly; Java's GZIPInputStream reads
 * every member of a multi-member file, which is how {@code jcmd GC.heap_dump -gz} writes. Commands
 * that read a dump several times can {@link #inflated inflate} it once to a temporary file instead.
 * The dump itself is only ever opened for reading. A view holds at most one open resource, the
 * inflated copy, which {@link #close} frees.
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
    /** The plain dump itself; null for a compressed one. */
    private final Path data;
    /** The plain copy a compressed dump was inflated to, or null (inflate per pass). */
    private final ScratchFile copy;
    /** Uncompressed size when known (plain, or inflated), else -1. */
    private final long dataSize;
    /** How the gzip stream ended when it was inflated to the copy. */
    private final boolean inflatedTruncated;
    private final boolean inflatedCorruptTrailer;
    /** The zeros that ended the data while inflating: the copy keeps only their start (see ZeroRun#kept). */
    private final ZeroRun zeroTail;
    /** Said by every pass: what happened while preparing this view (no room for the copy, say). */
    private final List<HprofWarning> notes;
    /** Where this view's temporary files go: its inflated copy, the engine's spill files. */
    private final Path tempFolder;

    private HprofFile(Path path, long fileSize, Container container, Path data, ScratchFile copy, long dataSize,
                      boolean inflatedTruncated, boolean inflatedCorruptTrailer, ZeroRun zeroTail,
                      List<HprofWarning> notes, Path tempFolder) {
        this.path = path;
        this.fileSize = fileSize;
        this.container = container;
        this.data = data;
        this.copy = copy;
        this.dataSize = dataSize;
        this.inflatedTruncated = inflatedTruncated;
        this.inflatedCorruptTrailer = inflatedCorruptTrailer;
        this.zeroTail = zeroTail;
        this.notes = List.copyOf(notes);
        this.tempFolder = tempFolder;
    }

    private HprofFile(Path path, long fileSize, Container container) {
        this(path, fileSize, container, container == Container.PLAIN ? path : null, null,
                container == Container.PLAIN ? fileSize : -1, false, false, null, List.of(), ScratchFile.defaultFolder());
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

    /** Whether this reads a temporary inflated copy, which {@link #close} frees. */
    public boolean isInflatedCopy() {
        return copy != null;
    }

    /** The inflated copy ends where the gzip stream was cut short. */
    boolean inflatedTruncated() {
        return inflatedTruncated;
    }

    /** The inflated copy ends where a gzip trailer did not match. */
    boolean inflatedCorruptTrailer() {
        return inflatedCorruptTrailer;
    }

    /** The zero run that ended the data while inflating, or null. */
    ZeroRun zeroTail() {
        return zeroTail;
    }

    /** Warnings every pass over this view repeats (they are about the view, not the dump's records). */
    List<HprofWarning> notes() {
        return notes;
    }

    /** The folder for this run's temporary files (given to {@link #inflated}; the system's by default). */
    public Path tempFolder() {
        return tempFolder;
    }

    /**
     * A view whose temporary files go to {@code tmpDir}; for a compressed dump, one that reads a
     * plain copy inflated once there, so that passes 2 and 3 do not inflate the gzip again (see
     * GzipInflater for how far it inflates and what happens when the folder has no room). A plain
     * dump is read as it is. Close the view to free the copy; it has no name in the folder (see
     * ScratchFile), so even a killed run leaves nothing behind.
     *
     * @param dump the dump the command reads (as for HprofReader): the copy is checked as that pass reads it
     */
    public HprofFile inflated(Path tmpDir, int dump) {
        if (copy != null) {
            return this;
        }
        HprofFile view = new HprofFile(path, fileSize, container, data, null, dataSize, false, false, null, notes, tmpDir);
        return data != null ? view : GzipInflater.inflate(view, dump);
    }

    /** {@link #inflated(Path, int)} for the first dump. */
    public HprofFile inflated(Path tmpDir) {
        return inflated(tmpDir, 0);
    }

    HprofFile withCopy(ScratchFile copy, long size, boolean truncated, boolean corruptTrailer, ZeroRun zeroTail) {
        return new HprofFile(path, fileSize, container, null, copy, size, truncated, corruptTrailer, zeroTail, notes, tempFolder);
    }

    HprofFile withNote(HprofWarning note) {
        List<HprofWarning> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new HprofFile(path, fileSize, container, data, copy, dataSize, inflatedTruncated, inflatedCorruptTrailer,
                zeroTail, more, tempFolder);
    }

    /** The decompressing stream over the whole file; callers close it. */
    InputStream openDecompressed() throws IOException {
        InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path), GZIP_BUFFER), GZIP_BUFFER);
        return container == Container.GZIP_IN_GZIP ? new GZIPInputStream(in, GZIP_BUFFER) : in;
    }

    /** Frees the inflated copy, if this view made one; the dump itself is never touched. */
    @Override
    public void close() {
        if (copy != null) {
            copy.close();
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
        return open(offset, bufferSize(Math.min(dataSize, 1 << 20)));
    }

    /** A new cursor at offset 0 of the uncompressed stream. The caller closes it. */
    public HprofInput openInput() {
        if (data == null && copy == null) {
            try {
                return new HprofInput(Channels.newChannel(openDecompressed()), -1, 0);
            } catch (IOException e) {
                throw new HprofFormatException("cannot read " + path + ": " + e.getMessage(), -1);
            }
        }
        return open(0, bufferSize(dataSize));
    }

    /** A cursor over the plain data: the dump's own channel, or the copy's, which every cursor shares (reads are positional). */
    private HprofInput open(long offset, int bufferSize) {
        if (copy != null) {
            return new HprofInput(copy.channel(), dataSize, offset, bufferSize, false);
        }
        if (data == null) {
            return null;
        }
        try {
            return new HprofInput(FileChannel.open(data, StandardOpenOption.READ), dataSize, offset, bufferSize, true);
        } catch (IOException e) {
            throw new HprofFormatException("cannot read " + path + ": " + e.getMessage(), offset);
        }
    }
}
