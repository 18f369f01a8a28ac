package dev.heapchain.hprof;

import dev.heapchain.util.ScratchFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;

/**
 * Inflates a gzip dump once into a temporary plain file. The graph commands read a dump two or
 * three times (index, references, values); inflating costs more than reading, so one inflation
 * plus plain reads beats three inflations.
 *
 * <p>A gzip file can expand without end (2 GB of zeros deflate to 2 MB), so the copy is written
 * by a read pass over the inflating stream: the same {@link HprofReader} as the command's own
 * first pass, for the same dump, with a visitor that keeps nothing. What that pass reads is what
 * the copy holds, so inflating stops where the dump stops being one: at zeros where a record
 * should start (the copy keeps just enough of them for later passes to find them again), at a
 * flood of unknown records, at a format error (which is the command's error, thrown here). Runs of
 * zeros inside records are written as holes, so they take no disk space either.
 *
 * <p>Space: before inflating, the size the gzip trailer gives is checked against the room in the
 * folder ({@link ScratchFile#room}); while inflating, the copy stops at that room even if the
 * trailer said less (it is only a hint: its length is modulo 2^32, and of the last member only).
 * When the copy does not fit, or the disk fills anyway, the partial copy is removed and the view
 * inflates on every pass instead, with one warning that names the folder and the space needed.
 */
final class GzipInflater {
    /** Pieces of this size that are all zeros become holes in the copy. */
    private static final int HOLE = 1 << 16;

    private GzipInflater() {
    }

    static HprofFile inflate(HprofFile file, int dump) {
        Path folder = file.tempFolder();
        long room = ScratchFile.room(folder);
        long predicted = GzipTrailer.predictedSize(file);
        if (predicted > room) {
            return file.withNote(noRoom(folder, "has room for " + ScratchFile.describeBytes(room)
                    + ", and the inflated dump needs about " + ScratchFile.describeBytes(predicted) + " (by the gzip trailer)"));
        }
        ScratchFile copy;
        try {
            copy = ScratchFile.create(folder, ".hprof");
        } catch (IOException e) {
            return file.withNote(noRoom(folder, "cannot hold the inflated dump (" + e.getMessage() + ")"));
        }
        Sink sink = new Sink(copy.channel(), room);
        try (InputStream raw = file.openDecompressed();
             HprofInput in = new HprofInput(new Tee(Channels.newChannel(raw), sink), -1, 0)) {
            HprofReader reader = new HprofReader(file, dump);
            reader.read(new HprofVisitor() { }, in);
            ZeroRun zeros = reader.zeroTail();
            long size = zeros != null ? zeros.zerosFrom() + zeros.kept() : sink.total;
            sink.finish(size);
            return file.withCopy(copy, size, in.compressedTruncated(), in.corruptTrailer(), zeros);
        } catch (UncheckedIOException e) {
            copy.close();
            if (e.getCause() instanceof Full full) {
                return file.withNote(noRoom(folder, full.reason(sink.written)));
            }
            throw new HprofFormatException("cannot read " + file.path() + ": " + e.getCause().getMessage(), -1);
        } catch (IOException e) {
            copy.close();
            throw new HprofFormatException("cannot read " + file.path() + ": " + e.getMessage(), -1);
        } catch (RuntimeException | Error e) {
            copy.close(); // the dump's own format error, among others: the command fails with it
            throw e;
        }
    }

    private static HprofWarning noRoom(Path folder, String what) {
        return new HprofWarning("temp-space", -1, "the temp folder " + folder + " " + what
                + ": reading the gzip file on every pass instead, which is slower (give --tmp a folder with more room)");
    }

    /** The copy could not take more: its room is used up, or the disk is full. */
    private static final class Full extends IOException {
        private final long room;

        Full(long room, IOException cause) {
            super(cause == null ? "room used up" : cause.getMessage(), cause);
            this.room = room;
        }

        String reason(long written) {
            return getCause() == null
                    ? "has room for " + ScratchFile.describeBytes(room)
                            + ", and the inflated dump needs more; the partial copy is removed"
                    : "filled up after " + ScratchFile.describeBytes(written) + " of the inflated dump (" + getMessage()
                            + "); the dump needs more than that, and the partial copy is removed";
        }
    }

    /** Writes the stream's bytes at their offsets, all-zero pieces as holes, up to a room. */
    private static final class Sink {
        private final FileChannel out;
        private final long room;
        /** Stream bytes seen. */
        long total;
        /** Bytes actually written (holes excluded). */
        long written;

        Sink(FileChannel out, long room) {
            this.out = out;
            this.room = room;
        }

        void accept(byte[] b, int from, int n) throws IOException {
            for (int at = 0; at < n; at += HOLE) {
                int len = Math.min(HOLE, n - at);
                if (!HprofInput.allZero(b, from + at, len)) {
                    if (written + len > room) {
                        throw new Full(room, null);
                    }
                    ByteBuffer piece = ByteBuffer.wrap(b, from + at, len);
                    long position = total + at;
                    try {
                        while (piece.hasRemaining()) {
                            position += out.write(piece, position);
                        }
                    } catch (IOException e) {
                        throw new Full(room, e);
                    }
                    written += len;
                }
            }
            total += n;
        }

        /** Makes the copy exactly {@code size} bytes: cut what was read ahead, or end a final hole. */
        void finish(long size) {
            try {
                if (out.size() > size) {
                    out.truncate(size);
                } else if (out.size() < size) {
                    out.write(ByteBuffer.allocate(1), size - 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(new Full(room, e));
            }
        }
    }

    /** The inflating stream, with every byte read from it also given to the sink. */
    private static final class Tee implements ReadableByteChannel {
        private final ReadableByteChannel in;
        private final Sink sink;

        Tee(ReadableByteChannel in, Sink sink) {
            this.in = in;
            this.sink = sink;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int at = dst.position();
            int n = in.read(dst);
            if (n > 0) {
                sink.accept(dst.array(), dst.arrayOffset() + at, n);
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return in.isOpen();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
