package dev.heapchain.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.analysis.AnalysisOptions;
import dev.heapchain.analysis.ClassRetention;
import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.HeapOverview;
import dev.heapchain.analysis.LeakSuspects;
import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.analysis.chain.ChainAnalysis;
import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Profile;
import dev.heapchain.history.ReportFacts;
import dev.heapchain.history.ReportReader;
import dev.heapchain.report.AnalyzeJson;
import dev.heapchain.report.html.AnalyzeHtml;
import dev.heapchain.report.redact.Redaction;
import dev.heapchain.report.redact.Redactor;
import dev.heapchain.util.Trace;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * The analyze job on one dump, keeping only its results: the graph is dropped on return, so commands
 * that read many dumps hold one graph at a time. analyze, compare, trend and demo all produce their
 * documents from here, so a report made by demo is the one analyze would write.
 *
 * @param overview       what the HTML page adds (top objects, histogram), or null when not asked for
 * @param redaction      what was left out of the results (with NAMES, the results hold placeholders)
 */
record ChainRun(EngineSummary summary, ChainReport report, List<ClassRetention.Row> classes,
                List<LeakSuspects.Suspect> suspects, HeapOverview overview, Redaction redaction) {
    /** Largest objects listed in the HTML report; the `top` command lists more. */
    static final int TOP_OBJECTS = 10;

    static ChainRun of(Path dump, Profile profile, int maxSnapshots, CommonOptions common, EngineOptions engine,
                       picocli.CommandLine cmd, Redaction redaction) {
        return of(dump, profile, maxSnapshots, common, engine, cmd, redaction, false);
    }

    static ChainRun of(Path dump, Profile profile, int maxSnapshots, CommonOptions common, EngineOptions engine,
                       picocli.CommandLine cmd, Redaction redaction, boolean withOverview) {
        HeapAnalysis a = engine.analyze(dump, common, cmd,
                AnalysisOptions.defaults().withCapture(profile.captureClasses()).withSetQueries(true));
        return of(a, profile, maxSnapshots, redaction, withOverview);
    }

    /** From a graph already built (demo builds its own, without the CLI's dump options). */
    static ChainRun of(HeapAnalysis a, Profile profile, int maxSnapshots, Redaction redaction, boolean withOverview) {
        PathRenderer paths = new PathRenderer(a, redaction.valuePolicy());
        // The class table of retained sizes reads only the finished graph and dominator tree: it
        // runs on the other core while the chains are analyzed.
        java.util.concurrent.CompletableFuture<List<ClassRetention.Row>> classes =
                dev.heapchain.util.Tasks.start(() -> ClassRetention.compute(a));
        ChainReport report;
        try {
            report = ChainAnalysis.run(paths, profile, maxSnapshots);
        } catch (RuntimeException | Error e) {
            classes.exceptionally(x -> null).join();
            throw e;
        }
        EngineSummary summary = EngineSummary.of(a);
        HeapOverview overview = withOverview ? HeapOverview.of(paths, summary, TOP_OBJECTS) : null;
        List<ClassRetention.Row> rows = dev.heapchain.util.Tasks.join(classes);
        Trace.mark("class retention joined");
        ChainRun run = new ChainRun(summary, report, rows, LeakSuspects.find(paths, rows), overview, redaction);
        Trace.mark("leak suspects");
        if (redaction == Redaction.NAMES) {
            run = run.redacted(Redactor.of(paths, RedactOptions.key())); // while the dump is open: thread names are read from it
            Trace.mark("names redacted");
        }
        RunScope.current().release(a.graph().file()); // batch commands hold one inflated copy at a time
        return run;
    }

    /** The same results with names replaced, all from one redactor so that they agree. */
    private ChainRun redacted(Redactor r) {
        Object[] x = r.apply(summary, report, classes, suspects, overview);
        @SuppressWarnings("unchecked")
        ChainRun run = new ChainRun((EngineSummary) x[0], (ChainReport) x[1], (List<ClassRetention.Row>) x[2],
                (List<LeakSuspects.Suspect>) x[3], (HeapOverview) x[4], redaction);
        return run;
    }

    ObjectNode document() {
        return AnalyzeJson.tree(summary, report, classes, suspects, VersionProvider.version());
    }

    /** What compare and trend read, as they would read the stored document; {@code source} names it. */
    ReportFacts facts(String source) {
        return ReportReader.read(document(), source);
    }

    /** The analyze HTML page; only for a run made with the overview. */
    void writeHtml(Writer w) throws IOException {
        if (overview == null) {
            throw new IllegalStateException("the HTML page needs a run made with its overview");
        }
        AnalyzeHtml.write(summary, report, suspects, overview, redaction, VersionProvider.version(), w);
    }
}
