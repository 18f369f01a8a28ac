package dev.heapchain.analysis;

import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofReadSummary;
import dev.heapchain.hprof.HprofWarning;

import java.util.ArrayList;
import java.util.List;

/**
 * What every report says about the dump it read.
 *
 * @param file             the path as given
 * @param sizeBytes        size on disk (compressed size for gzip)
 * @param format           e.g. "JAVA PROFILE 1.0.2"
 * @param compression      "none", "gzip" or "gzip-in-gzip"
 * @param timestampMillis  when the dump was written, from its header
 * @param dumpNumber       which heap dump of the file was read, counting from 1
 * @param dumpCount        how many the file holds
 */
public record DumpFacts(String file, long sizeBytes, String format, String compression, int idSize,
                        long timestampMillis, int dumpNumber, int dumpCount, long instances, long objectArrays,
                        long primitiveArrays, long classes, long gcRoots, boolean truncated,
                        List<HprofWarning> warnings) {

    public static DumpFacts of(HprofFile file, HprofReadSummary summary, long classes, List<HprofWarning> more) {
        List<HprofWarning> all = new ArrayList<>(summary.warnings());
        all.addAll(more);
        String compression = switch (file.container()) {
            case PLAIN -> "none";
            case GZIP -> "gzip";
            case GZIP_IN_GZIP -> "gzip-in-gzip";
        };
        return new DumpFacts(file.path().toString(), file.fileSize(), summary.header().version().formatName(),
                compression, summary.header().idSize(), summary.header().timestampMillis(), summary.selectedDump(),
                summary.dumpCount(), summary.counts().instanceDumps(), summary.counts().objectArrayDumps(),
                summary.counts().primitiveArrayDumps(), classes, summary.counts().rootRecords(), summary.truncated(),
                List.copyOf(all));
    }

    public long objects() {
        return instances + objectArrays + primitiveArrays;
    }
}
