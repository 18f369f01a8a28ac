package dev.heapchain.fuzz;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Finds top-level record starts in bytes that may already be damaged: stops, instead of failing,
 * where the structure breaks (the test writer's own scanner expects well-formed input).
 */
final class RecordScan {
    private RecordScan() {
    }

    static int headerLength(byte[] b) {
        for (int i = 0; i < Math.min(64, b.length); i++) {
            if (b[i] == 0) {
                return i + 1 + 4 + 8 <= b.length ? i + 1 + 4 + 8 : -1;
            }
        }
        return -1;
    }

    /** A supported format name and id size: the reader gets past the header. */
    static boolean validHeader(byte[] b) {
        int h = headerLength(b);
        if (h < 0 || !new String(b, 0, Math.min(b.length, 17), java.nio.charset.StandardCharsets.ISO_8859_1)
                .equals("JAVA PROFILE 1.0.")) {
            return false;
        }
        int id = ByteBuffer.wrap(b).getInt(h - 12);
        return id == 4 || id == 8;
    }

    static int idSize(byte[] b) {
        int h = headerLength(b);
        return h > 0 && ByteBuffer.wrap(b).getInt(h - 12) == 4 ? 4 : 8;
    }

    static int[] recordStarts(byte[] b) {
        int pos = headerLength(b);
        return pos < 0 ? new int[0] : recordStarts(b, pos);
    }

    /** Record starts from {@code pos}, e.g. 0 for a record stream cut from its header. */
    static int[] recordStarts(byte[] b, int pos) {
        int[] out = new int[16];
        int n = 0;
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (pos + 9 <= b.length) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = pos;
            long next = pos + 9L + Integer.toUnsignedLong(buf.getInt(pos + 5));
            if (next > b.length) {
                break;
            }
            pos = (int) next;
        }
        return Arrays.copyOf(out, n);
    }
}
