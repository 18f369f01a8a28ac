package dev.heapchain.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.analysis.ClassRetention;
import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.HeapOverview;
import dev.heapchain.analysis.chain.ChainAnalysis;
import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Profile;
import dev.heapchain.report.AnalyzeJson;

import java.nio.file.Path;

/**
 * The analyze job on one dump, keeping only its results: the graph is dropped on return, so commands
 * that read many dumps hold one graph at a time.
 *
 * @param overview what the HTML page adds (top objects, histogram), or null when not asked for
 */
record ChainRun(EngineSummary summary, ChainReport report, java.util.List<ClassRetention.Row> classes,
                HeapOverview overview) {
    /** Largest objects listed in the HTML report; the `top` command lists more. */
    static final int TOP_OBJECTS = 10;

    static ChainRun of(Path dump, Profile profile, int maxLiveEpochs, CommonOptions common, EngineOptions engine,
                       picocli.CommandLine cmd) {
        return of(dump, profile, maxLiveEpochs, common, engine, cmd, false, false);
    }

    static ChainRun of(Path dump, Profile profile, int maxLiveEpochs, CommonOptions common, EngineOptions engine,
                       picocli.CommandLine cmd, boolean includeValues, boolean withOverview) {
        HeapAnalysis a = engine.analyze(dump, common, cmd);
        a.includeValues(includeValues);
        ChainReport report = ChainAnalysis.run(a, profile, maxLiveEpochs);
        EngineSummary summary = EngineSummary.of(a);
        HeapOverview overview = withOverview ? HeapOverview.of(a, summary, TOP_OBJECTS) : null;
        ChainRun run = new ChainRun(summary, report, ClassRetention.compute(a), overview);
        RunScope.current().release(a.graph().file()); // batch commands hold one inflated copy at a time
        return run;
    }

    ObjectNode document() {
        return AnalyzeJson.tree(summary, report, classes, VersionProvider.version());
    }
}
