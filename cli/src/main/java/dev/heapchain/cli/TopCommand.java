package dev.heapchain.cli;

import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.ObjectReport;
import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.analysis.TopObjects;
import dev.heapchain.analysis.ValuePolicy;
import dev.heapchain.report.ObjectsReport;
import dev.heapchain.report.redact.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "top", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The objects with the largest retained sizes, each with its path from a GC root.",
                "Retained size: the bytes that become unreachable when the object goes (exact dominator tree)."})
final class TopCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    EngineOptions engine;

    @Mixin
    RedactOptions redact;

    @Parameters(paramLabel = "DUMP", description = "The heap dump (.hprof, optionally gzip-compressed).")
    Path dump;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many objects (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the heapchain.top/1 JSON document to FILE, or to stdout with -.")
    String json;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        if (limit < 1) {
            throw new CommandLine.ParameterException(cmd, "--limit must be 1 or more, not " + limit);
        }
        ValuePolicy values = redact.values(cmd);
        HeapAnalysis a = engine.analyze(dump, common, cmd);
        PathRenderer paths = new PathRenderer(a, values);
        List<ObjectReport> found = TopObjects.of(paths, limit);
        EngineSummary summary = EngineSummary.of(a);
        Redactor r = redact.redactor(cmd, paths);
        Object[] shown = r == null ? new Object[]{found, summary} : r.apply(found, summary);
        @SuppressWarnings("unchecked")
        List<ObjectReport> top = (List<ObjectReport>) shown[0];
        EngineSummary s = (EngineSummary) shown[1];
        if (json != null) {
            Output.to(json, cmd.getOut(), w -> ObjectsReport.json("heapchain.top/1", s, top, VersionProvider.version(), w));
        }
        if (json == null || !json.equals("-")) {
            ObjectsReport.text("Largest objects by retained size:", s, top, cmd.getOut());
        }
        return ExitCode.OK.code();
    }
}
