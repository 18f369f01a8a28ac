package dev.heapchain.hprof;

/**
 * Something was wrong with the dump but reading went on. Offset is -1 where none applies.
 *
 * @param kind    stable machine-readable kind, e.g. "truncated", "unknown-tag"
 * @param offset  file offset (uncompressed stream) the warning refers to
 * @param message one readable line
 */
public record HprofWarning(String kind, long offset, String message) {
}
