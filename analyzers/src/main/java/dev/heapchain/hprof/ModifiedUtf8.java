package dev.heapchain.hprof;

/**
 * Decodes the JVM's modified UTF-8 (JVMS 4.4.7): NUL as C0 80, supplementary characters as two
 * 3-byte surrogates. Lenient: a malformed byte becomes U+FFFD and decoding goes on, since 16 of
 * the corpus files hold names a strict UTF-8 decoder rejects.
 */
public final class ModifiedUtf8 {
    private ModifiedUtf8() {
    }

    public static String decode(byte[] b, int off, int len) {
        char[] out = new char[len];
        int n = 0;
        int i = off;
        int end = off + len;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                out[n++] = (char) c;
                i++;
            } else if ((c & 0xE0) == 0xC0 && i + 1 < end && isContinuation(b[i + 1])) {
                out[n++] = (char) (((c & 0x1F) << 6) | (b[i + 1] & 0x3F));
                i += 2;
            } else if ((c & 0xF0) == 0xE0 && i + 2 < end && isContinuation(b[i + 1]) && isContinuation(b[i + 2])) {
                out[n++] = (char) (((c & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F));
                i += 3;
            } else if ((c & 0xF8) == 0xF0 && i + 3 < end && isContinuation(b[i + 1]) && isContinuation(b[i + 2])
                    && isContinuation(b[i + 3])) {
                // Standard 4-byte UTF-8 is not modified UTF-8, but some tools write it: accept it.
                int cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
                if (Character.isValidCodePoint(cp) && cp >= 0x10000) {
                    out[n++] = Character.highSurrogate(cp);
                    out[n++] = Character.lowSurrogate(cp);
                } else {
                    out[n++] = '\uFFFD';
                }
                i += 4;
            } else {
                out[n++] = '\uFFFD';
                i++;
            }
        }
        return new String(out, 0, n);
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
