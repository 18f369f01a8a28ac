package dev.heapchain.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.analysis.ClassRetention;
import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.chain.ChainAnalysis;
import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Profile;
import dev.heapchain.report.AnalyzeJson;

import java.nio.file.Path;

/**
 * The analyze job on one dump, keeping only its results: the graph is dropped on return, so commands
 * that read many dumps hold one graph at a time.
 */
record ChainRun(EngineSummary summary, ChainReport report, java.util.List<ClassRetention.Row> classes) {

    static ChainRun of(Path dump, Profile profile, int maxLiveEpochs, CommonOptions common, EngineOptions engine,
                       picocli.CommandLine cmd) {
        HeapAnalysis a = engine.analyze(dump, common, cmd);
        ChainReport report = ChainAnalysis.run(a, profile, maxLiveEpochs);
        return new ChainRun(EngineSummary.of(a), report, ClassRetention.compute(a));
    }

    ObjectNode document() {
        return AnalyzeJson.tree(summary, report, classes, VersionProvider.version());
    }
}
