package dev.heapchain.hprof;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.analysis.HistogramPass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short ways for reader tests to put built bytes on disk and read them back. */
public final class Dumps {
    private Dumps() {
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads dump {@code dump} (0: the first, warning about more) with the given visitor. */
    public static HprofReadSummary read(Path file, int dump, HprofVisitor visitor) {
        return new HprofReader(HprofFile.open(file), dump).read(visitor);
    }

    public static HprofReadSummary read(Path file) {
        return read(file, 0, new ReadProbe());
    }

    public static ClassHistogram histogram(Path file) {
        return HistogramPass.run(HprofFile.open(file), 0);
    }

    /** Class name to instance count, in the histogram's order. */
    public static Map<String, Long> instancesByClass(ClassHistogram h) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (ClassHistogram.Row r : h.rows()) {
            map.merge(r.className(), r.instances(), Long::sum);
        }
        return map;
    }

    public static List<String> kinds(List<HprofWarning> warnings) {
        return warnings.stream().map(HprofWarning::kind).toList();
    }
}
