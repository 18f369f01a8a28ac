package dev.heapchain.hprof;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * What a gzip file's own bytes say about its uncompressed size, before inflating it: a hint, not a
 * bound. The last 4 bytes (ISIZE, RFC 1952) are the length of the last member modulo 2^32. For a
 * single member that is the dump's size modulo 4 GiB; HotSpot's {@code -gz} files are many
 * members of one block size each (their first header says {@code HPROF BLOCKSIZE=}), and their
 * ISIZE tells nothing about the whole.
 */
final class GzipTrailer {
    private static final int FCOMMENT = 0x10;
    private static final int FNAME = 0x08;
    private static final int FEXTRA = 0x04;

    private GzipTrailer() {
    }

    /** The uncompressed size the trailer suggests, or -1 when it cannot say. */
    static long predictedSize(HprofFile file) {
        if (file.container() != HprofFile.Container.GZIP) {
            return -1; // gzip in gzip: the outer trailer sizes the inner gzip, not the dump
        }
        try (FileChannel ch = FileChannel.open(file.path())) {
            long size = ch.size();
            if (size < 18) {
                return -1;
            }
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 512));
            ch.read(head, 0);
            if (chunked(head.array(), head.position())) {
                return -1;
            }
            ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(tail, size - 4);
            long isize = tail.getInt(0) & 0xFFFFFFFFL;
            // The true size is isize + k * 2^32. Deflate grows nothing by more than a few bytes per
            // 16 KB, so it is at least about the compressed size: take the smallest such k.
            long k = Math.max(0, (size / 2 - isize + (1L << 32) - 1) >> 32);
            return isize + (k << 32);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether the first member's header carries HotSpot's "HPROF BLOCKSIZE=" comment. */
    private static boolean chunked(byte[] b, int n) {
        if (n < 10 || (b[3] & FCOMMENT) == 0) {
            return false;
        }
        int at = 10;
        if ((b[3] & FEXTRA) != 0) {
            if (at + 2 > n) {
                return false;
            }
            at += 2 + ((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8);
        }
        if ((b[3] & FNAME) != 0) {
            while (at < n && b[at] != 0) {
                at++;
            }
            at++;
        }
        String comment = at < n ? new String(b, at, Math.min(16, n - at), StandardCharsets.ISO_8859_1) : "";
        return comment.startsWith("HPROF BLOCKSIZE=");
    }
}
