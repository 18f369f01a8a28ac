package dev.heapchain.hprof.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Breaks written dumps on purpose, and packs them the way jcmd/jmap {@code -gz} do. */
public final class DumpDamage {
    /** The chunk size HotSpot's {@code -gz} writer compresses independently. */
    public static final int HOTSPOT_GZIP_CHUNK = 1 << 20;

    /** Bytes [offset, end) of one record or sub-record, starting at its tag byte. */
    public record Span(int offset, int end, int tag) {
        public int length() {
            return end - offset;
        }
    }

    private DumpDamage() {
    }

    public static int idSize(byte[] hprof) {
        return new HprofScan(hprof).idSize;
    }

    /** Format name, NUL, u4 id size and u8 timestamp. */
    public static int headerLength(byte[] hprof) {
        return new HprofScan(hprof).headerLength;
    }

    /** Complete top-level records, in file order. */
    public static List<Span> records(byte[] hprof) {
        return new HprofScan(hprof).records();
    }

    /** Every record start, then the end of the file: the places a test can cut at. */
    public static List<Integer> recordBoundaries(byte[] hprof) {
        List<Integer> offsets = new ArrayList<>();
        records(hprof).forEach(s -> offsets.add(s.offset()));
        offsets.add(hprof.length);
        return offsets;
    }

    /** Index (into {@link #records}) of the {@code occurrence}-th record with {@code tag}, or -1. */
    public static int recordIndex(byte[] hprof, int tag, int occurrence) {
        List<Span> records = records(hprof);
        for (int i = 0, seen = 0; i < records.size(); i++) {
            if (records.get(i).tag() == tag && seen++ == occurrence) {
                return i;
            }
        }
        return -1;
    }

    /** Sub-records of the HEAP_DUMP or HEAP_DUMP_SEGMENT at {@code recordIndex}. */
    public static List<Span> subRecords(byte[] hprof, int recordIndex) {
        HprofScan scan = new HprofScan(hprof);
        return scan.subRecords(scan.records().get(recordIndex));
    }

    public static byte[] truncate(byte[] hprof, int length) {
        return Arrays.copyOf(hprof, length);
    }

    /** Overwrites the u4 length only, e.g. with more than the file holds. */
    public static byte[] setRecordLength(byte[] hprof, int recordIndex, long u4Length) {
        byte[] copy = hprof.clone();
        ByteBuffer.wrap(copy).putInt(records(hprof).get(recordIndex).offset() + 5, (int) u4Length);
        return copy;
    }

    /** Inserts a whole record before record {@code recordIndex} (== count: append). */
    public static byte[] insertRecord(byte[] hprof, int recordIndex, int tag, byte[] body) {
        List<Integer> at = recordBoundaries(hprof);
        byte[] record = ByteBuffer.allocate(9 + body.length).put((byte) tag).putInt(0)
                .putInt(body.length).put(body).array();
        return splice(hprof, at.get(recordIndex), record);
    }

    /**
     * Inserts {@code bytes} before sub-record {@code subIndex} (== count: append) of a heap record
     * and grows that record's length to match, so only the inserted bytes are wrong.
     */
    public static byte[] insertSubRecord(byte[] hprof, int recordIndex, int subIndex, byte[] bytes) {
        Span record = records(hprof).get(recordIndex);
        List<Span> subs = subRecords(hprof, recordIndex);
        int at = subIndex == subs.size() ? record.end() : subs.get(subIndex).offset();
        byte[] out = splice(hprof, at, bytes);
        ByteBuffer.wrap(out).putInt(record.offset() + 5, record.length() - 9 + bytes.length);
        return out;
    }

    /** An unknown sub-tag (e.g. 0x8f) followed by one id's worth of zeros, as if it were a root. */
    public static byte[] insertUnknownSubTag(byte[] hprof, int recordIndex, int subIndex, int subTag) {
        byte[] bytes = new byte[1 + idSize(hprof)];
        bytes[0] = (byte) subTag;
        return insertSubRecord(hprof, recordIndex, subIndex, bytes);
    }

    /** One gzip member, like {@code gzip file.hprof}. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] gzipChunked(byte[] bytes) {
        return gzipChunked(bytes, HOTSPOT_GZIP_CHUNK);
    }

    /**
     * Concatenated gzip members of {@code chunkSize} input bytes each, as HotSpot's {@code -gz}
     * writes them so readers can seek; the first header's FCOMMENT carries the block size.
     */
    public static byte[] gzipChunked(byte[] bytes, int chunkSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int from = 0;
        do {
            int to = Math.min(bytes.length, from + chunkSize);
            String comment = from == 0 ? "HPROF BLOCKSIZE=" + chunkSize : null;
            out.writeBytes(gzipMember(Arrays.copyOfRange(bytes, from, to), comment));
            from += chunkSize;
        } while (from < bytes.length);
        return out.toByteArray();
    }

    private static byte[] gzipMember(byte[] data, String comment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Magic, deflate, FLG (FCOMMENT = 0x10), MTIME 0, XFL 0, OS 3 (Unix): RFC 1952.
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) (comment == null ? 0 : 0x10),
            0, 0, 0, 0, 0, 3});
        if (comment != null) {
            out.writeBytes(comment.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) crc.getValue()).putInt(data.length);
        out.writeBytes(trailer.array());
        return out.toByteArray();
    }

    // ---- zeros where data should be, as unfinished dumps have them (see the reader's ZeroRun) ----

    /**
     * The first {@code length} bytes of the dump, then {@code zeros} zero bytes to the end of the
     * file, as a JVM killed mid-dump leaves it on file systems that zero-fill. The zeros are a hole
     * (RandomAccessFile.setLength), so gigabytes cost no disk and no time.
     */
    public static Path zeroTail(Path file, byte[] hprof, int length, long zeros) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(0);
            f.write(hprof, 0, length);
            f.setLength(length + zeros);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The dump with {@code zeros} zero bytes inserted at {@code offset} (a hole), the rest after them unchanged. */
    public static Path zeroRun(Path file, byte[] hprof, int offset, long zeros) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(0);
            f.write(hprof, 0, offset);
            f.seek(offset + zeros);
            f.write(hprof, offset, hprof.length - offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** {@code count} top-level records of one tag, each with {@code bodyLength} bytes of 0x42. */
    public static byte[] unknownRecords(int tag, int count, int bodyLength) {
        ByteBuffer b = ByteBuffer.allocate(count * (9 + bodyLength));
        byte[] body = new byte[bodyLength];
        Arrays.fill(body, (byte) 0x42);
        for (int i = 0; i < count; i++) {
            b.put((byte) tag).putInt(0).putInt(bodyLength).put(body);
        }
        return b.array();
    }

    /** The dump with {@code records} appended or inserted before record {@code recordIndex} (== count: append). */
    public static byte[] insertRecords(byte[] hprof, int recordIndex, byte[] records) {
        return splice(hprof, recordBoundaries(hprof).get(recordIndex), records);
    }

    /**
     * One gzip member holding {@code prefix} and then {@code zeros} zero bytes, written in a
     * moment however large: zeros are deflated once per MiB after a full flush (which makes every
     * such MiB the same bytes), and that block is repeated; the trailer is the true CRC-32 and
     * length (mod 2^32), as {@code gzip} would write. 2 GiB of zeros come to about 2 MB.
     */
    public static Path gzipWithZeros(Path file, byte[] prefix, long zeros) {
        byte[] mib = new byte[1 << 20];
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3});
            CRC32 crc = new CRC32();
            out.write(flushed(deflater, prefix, prefix.length));
            crc.update(prefix);
            long whole = zeros >> 20;
            byte[] first = flushed(deflater, mib, mib.length);
            byte[] block = flushed(deflater, mib, mib.length);
            if (!Arrays.equals(first, block)) {
                throw new IllegalStateException("deflate gave different bytes for equal flushed blocks");
            }
            for (long i = 0; i < whole; i++) {
                out.write(i == 0 ? first : block);
                crc.update(mib);
            }
            int rest = (int) (zeros - (whole << 20));
            out.write(flushed(deflater, mib, rest));
            crc.update(mib, 0, rest);
            deflater.finish();
            byte[] buf = new byte[64];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue())
                    .putInt((int) (prefix.length + zeros)).array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return file;
    }

    private static byte[] flushed(Deflater deflater, byte[] data, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        deflater.setInput(data, 0, length);
        byte[] buf = new byte[1 << 16];
        int n;
        do {
            n = deflater.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length || !deflater.needsInput());
        return out.toByteArray();
    }

    /** A gzip file whose trailer's CRC-32 no longer matches (the data itself intact). */
    public static byte[] corruptTrailer(byte[] gzip) {
        byte[] copy = gzip.clone();
        copy[copy.length - 8] ^= (byte) 0xFF;
        return copy;
    }

    private static byte[] splice(byte[] original, int at, byte[] inserted) {
        byte[] out = new byte[original.length + inserted.length];
        System.arraycopy(original, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(original, at, out, at + inserted.length, original.length - at);
        return out;
    }
}
