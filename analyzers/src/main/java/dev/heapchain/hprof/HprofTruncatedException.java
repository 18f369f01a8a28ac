package dev.heapchain.hprof;

/**
 * The stream ended inside a record. The reader turns this into a truncation warning and keeps
 * what it read before; it escapes to callers only from sequential reads outside a read pass.
 */
public final class HprofTruncatedException extends HprofFormatException {
    public HprofTruncatedException(String message, long offset) {
        super(message, offset);
    }
}
