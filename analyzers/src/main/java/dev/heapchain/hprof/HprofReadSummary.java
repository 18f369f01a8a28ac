package dev.heapchain.hprof;

import java.util.List;

/**
 * What one read pass found besides the records themselves.
 *
 * @param dumpCount    heap dumps in the file (0 for a file with none)
 * @param selectedDump the dump that was read, counting from 1
 * @param truncated    the file ended inside a record; see the warnings for where
 * @param bytesRead    uncompressed bytes covered by the pass
 */
public record HprofReadSummary(HprofHeader header, int dumpCount, int selectedDump, boolean truncated,
                               long bytesRead, HprofCounts counts, List<HprofWarning> warnings) {
}
