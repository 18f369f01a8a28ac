package dev.heapchain.hprof;

/**
 * The fixed header at the start of every dump.
 *
 * @param version         format name
 * @param idSize          identifier size in bytes, 4 or 8
 * @param timestampMillis milliseconds since 1970 when the dump was written
 * @param length          header length in bytes: where the first record starts
 */
public record HprofHeader(HprofVersion version, int idSize, long timestampMillis, int length) {

    public String describe() {
        return version.formatName() + ", id size " + idSize;
    }
}
