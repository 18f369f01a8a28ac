package dev.heapchain.hprof;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;

/**
 * A buffered big-endian cursor over the uncompressed HPROF stream. Offsets are {@code long}
 * throughout: dumps pass 4 GiB routinely.
 *
 * <p>Two ways to read: sequential ({@link #u4()}, {@link #id()}) which refill as needed, and
 * "at" reads relative to the cursor ({@link #idAt(int)}) that are valid only after
 * {@link #ensure(int)} answered true. The hot path uses the second, so it costs a bounds check
 * per record instead of per field. Nothing here allocates after construction.
 */
public final class HprofInput implements Closeable {
    /** Every record body the reader must see whole (instances, class dumps) must fit. */
    public static final int BUFFER_SIZE = 4 << 20;
    /**
     * Files are read through a direct buffer of this size and copied into {@link #buf}. Reading a
     * FileChannel into a heap buffer makes the JDK do the same through a temporary direct buffer
     * as large as the request (4 MB, out of cache); 1 MB of our own read 1 GB from the page cache
     * in 90 ms instead of 150 ms (docs/performance.md).
     */
    private static final int DIRECT_CHUNK = 1 << 20;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final ReadableByteChannel channel;
    private final FileChannel file;
    /** Whether {@link #close} closes the channel: not when several cursors share one (an inflated copy). */
    private final boolean ownsChannel;
    /** Where the next file read starts: files are read by position, so cursors can share a channel. */
    private long filePosition;
    private final long size;
    private final byte[] buf;
    private final ByteBuffer wrapper;
    /** Staging buffer for file reads, null for other channels. */
    private final ByteBuffer direct;
    private int pos;
    private int limit;
    /** Stream offset of buf[0]. */
    private long base;
    private boolean eof;
    private boolean compressedTruncated;
    private boolean corruptTrailer;
    private int idSize = 8;

    /**
     * @param channel the stream; a FileChannel is read by position from {@code start} (large
     *                skips seek instead of reading), any other channel from where it stands
     * @param size    total uncompressed size if known, else -1
     * @param start   stream offset the cursor starts at
     */
    public HprofInput(ReadableByteChannel channel, long size, long start) {
        this(channel, size, start, BUFFER_SIZE, true);
    }

    HprofInput(ReadableByteChannel channel, long size, long start, int bufferSize, boolean ownsChannel) {
        this.channel = channel;
        this.file = channel instanceof FileChannel fc ? fc : null;
        this.ownsChannel = ownsChannel;
        this.size = size;
        this.buf = new byte[bufferSize];
        this.wrapper = ByteBuffer.wrap(buf);
        this.direct = file != null ? ByteBuffer.allocateDirect(Math.min(DIRECT_CHUNK, bufferSize)) : null;
        this.base = start;
        this.filePosition = start;
    }

    public void idSize(int idSize) {
        this.idSize = idSize;
    }

    /** Total size of the stream, or -1 when unknown (compressed input). */
    public long size() {
        return size;
    }

    public long position() {
        return base + pos;
    }

    public int bufferCapacity() {
        return buf.length;
    }

    /** Bytes buffered after the cursor. */
    public int buffered() {
        return limit - pos;
    }

    /**
     * Makes {@code n} bytes available after the cursor. False when the stream ends first; the
     * cursor does not move either way.
     */
    public boolean ensure(int n) {
        if (limit - pos >= n) {
            return true;
        }
        if (n > buf.length) {
            throw new IllegalArgumentException("record of " + n + " bytes exceeds buffer");
        }
        fill(n);
        return limit - pos >= n;
    }

    private void fill(int n) {
        int remaining = limit - pos;
        System.arraycopy(buf, pos, buf, 0, remaining);
        base += pos;
        pos = 0;
        limit = remaining;
        try {
            while (limit < n && !eof) {
                int r = read();
                if (r < 0) {
                    eof = true;
                } else {
                    limit += r;
                }
            }
        } catch (java.util.zip.ZipException e) {
            if (TRAILER_MISMATCH.equals(e.getMessage())) {
                // Every block inflated; only the CRC-32 or length after them disagrees. What was read
                // stands, the reader says the data may be damaged, and the stream ends here.
                eof = true;
                corruptTrailer = true;
                return;
            }
            throw new HprofFormatException("corrupt gzip data after offset " + (base + limit)
                    + " of the uncompressed stream: " + e.getMessage(), base + limit);
        } catch (java.io.EOFException e) {
            // A cut-short gzip stream: what was inflated is usable, the reader reports truncation.
            eof = true;
            compressedTruncated = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int read() throws IOException {
        if (direct == null) {
            wrapper.limit(buf.length).position(limit);
            return channel.read(wrapper);
        }
        direct.clear().limit(Math.min(direct.capacity(), buf.length - limit));
        int r = file.read(direct, filePosition);
        if (r > 0) {
            filePosition += r;
            direct.flip().get(buf, limit, r);
        }
        return r;
    }

    /** What java.util.zip says when a gzip member's CRC-32 or length does not match what it inflated. */
    static final String TRAILER_MISMATCH = "Corrupt GZIP trailer";

    /** True when a compressed stream ended in the middle of a block. */
    public boolean compressedTruncated() {
        return compressedTruncated;
    }

    /** True when a gzip member's trailer (CRC-32 and length) disagrees with the data it follows; the stream ends there. */
    public boolean corruptTrailer() {
        return corruptTrailer;
    }

    /** Whether at least one more byte exists. */
    public boolean hasMore() {
        return ensure(1);
    }

    // ---- reads relative to the cursor, valid after ensure() ----

    public int u1At(int rel) {
        return buf[pos + rel] & 0xFF;
    }

    public int u2At(int rel) {
        return (short) SHORT.get(buf, pos + rel) & 0xFFFF;
    }

    public int i4At(int rel) {
        return (int) INT.get(buf, pos + rel);
    }

    public long u4At(int rel) {
        return (int) INT.get(buf, pos + rel) & 0xFFFFFFFFL;
    }

    public long i8At(int rel) {
        return (long) LONG.get(buf, pos + rel);
    }

    public long idAt(int rel) {
        return idSize == 8 ? (long) LONG.get(buf, pos + rel) : (int) INT.get(buf, pos + rel) & 0xFFFFFFFFL;
    }

    /** Raw bits of a value of the given type, widened to long (floats as their bit patterns). */
    public long valueAt(int rel, HprofBasicType type) {
        return switch (type) {
            case OBJECT -> idAt(rel);
            case BOOLEAN, BYTE -> buf[pos + rel];
            case CHAR -> (char) (short) SHORT.get(buf, pos + rel);
            case SHORT -> (short) SHORT.get(buf, pos + rel);
            case INT, FLOAT -> i4At(rel);
            case LONG, DOUBLE -> i8At(rel);
        };
    }

    /** Direct access for decoders that must not copy (modified UTF-8); valid after ensure(). */
    public byte[] buffer() {
        return buf;
    }

    public int bufferOffset() {
        return pos;
    }

    /** Moves the cursor within what is buffered. */
    public void advance(int n) {
        pos += n;
    }

    // ---- sequential reads: refill as needed, EOF becomes a format error ----

    private void need(int n) {
        if (!ensure(n)) {
            throw new HprofTruncatedException("unexpected end of file at offset " + position()
                    + " (needed " + n + " more bytes)", position());
        }
    }

    public int u1() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public int u2() {
        need(2);
        int v = u2At(0);
        pos += 2;
        return v;
    }

    public int i4() {
        need(4);
        int v = i4At(0);
        pos += 4;
        return v;
    }

    public long u4() {
        return i4() & 0xFFFFFFFFL;
    }

    public long id() {
        need(idSize);
        long v = idAt(0);
        pos += idSize;
        return v;
    }

    /**
     * Skips {@code n} bytes, seeking on files. Answers how many were skipped: fewer only at the
     * end of the stream.
     */
    public long skip(long n) {
        long inBuf = limit - pos;
        if (n <= inBuf) {
            pos += (int) n;
            return n;
        }
        long rest = n - inBuf;
        long start = position();
        base += limit;
        pos = 0;
        limit = 0;
        if (file != null) {
            long target = base + rest;
            long end = size >= 0 ? Math.min(target, size) : target;
            filePosition = end;
            base = end;
            eof = size >= 0 && end >= size;
            return end - start;
        }
        while (rest > 0) {
            if (!ensure(1)) {
                return position() - start;
            }
            int step = (int) Math.min(rest, limit - pos);
            pos += step;
            rest -= step;
        }
        return n;
    }

    // ---- zero runs: where a record should start, zeros mean unwritten data (see ZeroRun) ----

    private static final byte[] ZEROS = new byte[1 << 16];

    /**
     * Whether the next {@code n} bytes are zeros, or the bytes up to the end of the stream when
     * fewer remain (at least one). The cursor does not move. {@code n} must fit the buffer.
     */
    boolean zerosAhead(int n) {
        int avail = ensure(n) ? n : buffered();
        return avail > 0 && allZero(buf, pos, avail);
    }

    /** Whether {@code len} bytes of {@code b} from {@code from} are all zeros (vectorised by the JIT). */
    static boolean allZero(byte[] b, int from, int len) {
        for (int at = 0; at < len; at += ZEROS.length) {
            int n = Math.min(ZEROS.length, len - at);
            if (java.util.Arrays.mismatch(b, from + at, from + at + n, ZEROS, 0, n) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves the cursor over zeros, at most {@code max} of them: it stops on the first other byte or
     * at the end of the stream. Answers how many it passed.
     */
    long skipZeros(long max) {
        long skipped = 0;
        while (skipped < max && ensure(1)) {
            int len = (int) Math.min(Math.min(limit - pos, ZEROS.length), max - skipped);
            int at = java.util.Arrays.mismatch(buf, pos, pos + len, ZEROS, 0, len);
            if (at >= 0) {
                pos += at;
                return skipped + at;
            }
            pos += len;
            skipped += len;
        }
        return skipped;
    }

    /** Moves the cursor back to {@code offset}, if that byte is still buffered; false (and no move) otherwise. */
    boolean backTo(long offset) {
        if (offset < base || offset > base + limit) {
            return false;
        }
        pos = (int) (offset - base);
        return true;
    }

    /**
     * Where the zeros that end at the cursor begin, looking back no further than {@code floor} nor
     * past what is still buffered: the cursor's offset when the byte before it is not a zero.
     */
    long zerosBefore(long floor) {
        int p = pos;
        int stop = (int) Math.max(0, floor - base);
        while (p > stop && buf[p - 1] == 0) {
            p--;
        }
        return base + p;
    }

    @Override
    public void close() throws IOException {
        if (ownsChannel) {
            channel.close();
        }
    }
}
