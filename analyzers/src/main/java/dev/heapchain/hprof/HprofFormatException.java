package dev.heapchain.hprof;

/**
 * The dump cannot be read any further. The message is one line that says where (file offset) and
 * what was expected, so the CLI can print it as-is and exit with code 3.
 */
public class HprofFormatException extends RuntimeException {
    private final long offset;

    public HprofFormatException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    public HprofFormatException(String message, long offset, Throwable cause) {
        super(message, cause);
        this.offset = offset;
    }

    /** Offset in the (uncompressed) HPROF stream where the problem was found, or -1 if none applies. */
    public long offset() {
        return offset;
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
