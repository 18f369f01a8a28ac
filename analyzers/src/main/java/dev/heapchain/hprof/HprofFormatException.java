package dev.heapchain.hprof;

/**
 * The dump cannot be read any further. The message is one line that says where (file offset) and
 * what was expected, so the CLI can print it as-is and exit with code 3.
 */
public class HprofFormatException extends RuntimeException {
    private final long offset;
    /** Offset of the last byte of the value that broke the parse, or -1 where none is named (see ZeroRun). */
    private final long valueEnd;

    public HprofFormatException(String message, long offset) {
        this(message, offset, -1L);
    }

    /**
     * @param offset   where the record or sub-record that cannot be read starts
     * @param valueEnd the last byte of the field that made it unreadable (a length, a count, a type
     *                 code, a tag): if zeros from there on explain the failure, the data ends at
     *                 {@code offset} instead
     */
    HprofFormatException(String message, long offset, long valueEnd) {
        super(message);
        this.offset = offset;
        this.valueEnd = valueEnd;
    }

    public HprofFormatException(String message, long offset, Throwable cause) {
        super(message, cause);
        this.offset = offset;
        this.valueEnd = -1;
    }

    /** Offset in the (uncompressed) HPROF stream where the problem was found, or -1 if none applies. */
    public long offset() {
        return offset;
    }

    long valueEnd() {
        return valueEnd;
    }
}
