package dev.heapchain.hprof;

import java.nio.charset.StandardCharsets;

/** Names a file by its first bytes, so a wrong file gets "is a zip archive", not a parse error. */
final class FileMagic {
    static final String GZIP = "gzip-compressed data";

    private FileMagic() {
    }

    /** Null when the bytes look like HPROF; otherwise what the file is, or a description of it. */
    static String describe(byte[] b, int n) {
        if (n >= 13 && new String(b, 0, 13, StandardCharsets.ISO_8859_1).equals("JAVA PROFILE ")) {
            return null;
        }
        if (n >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
            return GZIP;
        }
        if (n >= 3 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h') {
            return "bzip2-compressed data";
        }
        if (n >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5) ) {
            return "a zip archive";
        }
        if (n >= 6 && (b[0] & 0xFF) == 0xFD && b[1] == '7' && b[2] == 'z' && b[3] == 'X' && b[4] == 'Z') {
            return "xz-compressed data";
        }
        if (n >= 4 && (b[0] & 0xFF) == 0x28 && (b[1] & 0xFF) == 0xB5 && (b[2] & 0xFF) == 0x2F && (b[3] & 0xFF) == 0xFD) {
            return "zstd-compressed data";
        }
        if (n == 0) {
            return "empty";
        }
        return "not HPROF (starts with " + preview(b, n) + "; expected \"JAVA PROFILE 1.0.x\")";
    }

    private static String preview(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, 8); i++) {
            sb.append(String.format("%02x", b[i] & 0xFF));
            if (i < Math.min(n, 8) - 1) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }
}
