package dev.heapchain.cli;

import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.analysis.ThreadOverview;
import dev.heapchain.analysis.ValuePolicy;
import dev.heapchain.report.ThreadsReport;
import dev.heapchain.report.redact.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "threads", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Each thread with its stack and, per frame, the largest objects that frame holds (its",
                "Java-frame and JNI-local roots), by retained size: which method keeps the memory alive.",
                "Threads are listed by what they retain (thread object and stack together), largest first."})
final class ThreadsCommand implements Callable<Integer> {
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

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5",
            description = "Objects listed per frame, largest retained first (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the heapchain.threads/1 JSON document to FILE, or to stdout with -.")
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
        ThreadOverview found = ThreadOverview.of(paths, limit);
        EngineSummary summary = EngineSummary.of(a);
        Redactor r = redact.redactor(cmd, paths);
        Object[] shown = r == null ? new Object[]{found, summary} : r.apply(found, summary);
        ThreadOverview threads = (ThreadOverview) shown[0];
        EngineSummary s = (EngineSummary) shown[1];
        if (json != null) {
            Output.to(json, cmd.getOut(), w -> ThreadsReport.json(s, threads, limit, VersionProvider.version(), w));
        }
        if (json == null || !json.equals("-")) {
            ThreadsReport.text(s, threads, limit, cmd.getOut());
        }
        return ExitCode.OK.code();
    }
}
