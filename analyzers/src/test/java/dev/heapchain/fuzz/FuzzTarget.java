package dev.heapchain.fuzz;

import dev.heapchain.analysis.AnalysisOptions;
import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.analysis.ClassRetention;
import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.HeapOverview;
import dev.heapchain.analysis.HistogramPass;
import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.analysis.ValuePolicy;
import dev.heapchain.analysis.chain.ChainAnalysis;
import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Profile;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofFormatException;
import dev.heapchain.hprof.HprofWarning;
import dev.heapchain.report.AnalyzeJson;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * One fuzz execution: what the {@code histogram}, {@code analyze} and {@code threads} commands do with a
 * dump, from the reader through the graph builder, paths, dominators and chain analysis to the JSON
 * tree, and {@code --redact names} on the results.
 * Answers a short signature of how it ended (for the loop's novelty check); anything thrown other
 * than {@link HprofFormatException} escapes, and is a crash.
 */
final class FuzzTarget {
    /** Matches the snapshot seeds; on other dumps it finds no chain, which is fine. */
    static final Profile PROFILE = Profile.adHoc(List.of("com.example.Snap"), "e", List.of("next"), null);

    private FuzzTarget() {
    }

    static String run(Path dump, Path tmp) {
        try (HprofFile opened = HprofFile.open(dump); HprofFile file = opened.inflated(tmp)) {
            ClassHistogram h = HistogramPass.run(file, 0);
            HeapAnalysis a = HeapAnalysis.run(file, AnalysisOptions.defaults());
            PathRenderer paths = new PathRenderer(a, ValuePolicy.REDACTED);
            ChainReport report = ChainAnalysis.run(paths, PROFILE, 32);
            EngineSummary summary = EngineSummary.of(a);
            HeapOverview.of(paths, summary, 5);
            java.util.List<ClassRetention.Row> rows = ClassRetention.compute(a);
            var suspects = dev.heapchain.analysis.LeakSuspects.find(paths, rows);
            AnalyzeJson.tree(summary, report, rows, suspects, "fuzz");
            // What the threads command and --redact names do with the same results: stacks, hostile names.
            var threads = dev.heapchain.analysis.ThreadOverview.of(paths, 3);
            dev.heapchain.report.redact.Redactor.of(paths, null).apply(summary, report, rows, suspects, threads);
            return "ok" + (h.rows().isEmpty() ? "-empty" : "") + kinds(h.dump().warnings()) + kinds(a.graph().classes().warnings())
                    + (report.chains().isEmpty() ? "" : "-chains");
        } catch (HprofFormatException e) {
            return "error:" + shape(e.getMessage());
        }
    }

    private static String kinds(List<HprofWarning> warnings) {
        TreeSet<String> k = new TreeSet<>();
        warnings.forEach(w -> k.add(w.kind()));
        return k.isEmpty() ? "" : k.toString();
    }

    /** The message without numbers and names: which check fired, not where. */
    static String shape(String message) {
        // Letters only, so names, numbers and quoted bytes from the input do not make new shapes.
        String m = message.replaceAll("\\(.*", "").replaceAll("\".*?\"", "\"\"").replaceAll("0x[0-9a-f]+|\\d+", "#");
        int in = m.indexOf(" in ");
        m = in > 0 ? m.substring(0, in) : m;
        return m.substring(0, Math.min(60, m.length()));
    }
}
