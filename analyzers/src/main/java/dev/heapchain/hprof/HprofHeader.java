package dev.heapchain.hprof;

import java.nio.charset.StandardCharsets;

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

    /** Reads the header at the cursor (offset 0) and moves past it; a file that has none fails here. */
    static HprofHeader read(HprofInput in, HprofFile file) {
        if (!in.ensure(Math.min(64, (int) Math.max(1, in.size() < 0 ? 64 : Math.min(64, in.size()))))) {
            if (!in.ensure(1)) {
                throw new HprofFormatException(file.path().getFileName() + " is empty", 0);
            }
        }
        int avail = Math.min(in.buffered(), 64);
        int nul = -1;
        for (int i = 0; i < avail; i++) {
            if (in.u1At(i) == 0) {
                nul = i;
                break;
            }
        }
        if (nul < 0) {
            throw new HprofFormatException("no HPROF header: no format name ends within the first " + avail + " bytes", 0);
        }
        String name = new String(in.buffer(), in.bufferOffset(), nul, StandardCharsets.ISO_8859_1);
        HprofVersion version = HprofVersion.of(name);
        if (version == null) {
            throw new HprofFormatException("unsupported format \"" + name + "\" at offset 0 (expected JAVA PROFILE 1.0.1, 1.0.2 or 1.0.3)", 0);
        }
        int len = nul + 1 + 4 + 8;
        if (!in.ensure(len)) {
            throw new HprofFormatException("file ends inside the HPROF header (" + in.buffered() + " of " + len + " bytes)", 0);
        }
        long idSize = in.u4At(nul + 1);
        if (idSize != 4 && idSize != 8) {
            throw new HprofFormatException("unsupported identifier size " + idSize + " at offset " + (nul + 1)
                    + " (" + name + "; expected 4 or 8)", nul + 1);
        }
        long timestamp = in.i8At(nul + 5);
        in.advance(len);
        return new HprofHeader(version, (int) idSize, timestamp, len);
    }
}

