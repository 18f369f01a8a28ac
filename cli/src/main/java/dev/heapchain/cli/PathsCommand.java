package dev.heapchain.cli;

import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.MergedPaths;
import dev.heapchain.analysis.ObjectReport;
import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.analysis.TopObjects;
import dev.heapchain.analysis.ValuePolicy;
import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.report.ObjectsReport;
import dev.heapchain.report.PathsReport;
import dev.heapchain.report.Units;
import dev.heapchain.report.redact.Redactor;
import dev.heapchain.util.Trace;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "paths", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Shortest paths from GC roots to an object, or to the instances of a class.",
                "Each path is printed root first, one reference per line; with --class the paths are merged into",
                "one tree, so a step that several paths share is printed once."})
final class PathsCommand implements Callable<Integer> {
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

    static final class Target {
        @Option(names = "--object", paramLabel = "0xID", description = "The object id, in hex.")
        String object;

        @Option(names = "--class", paramLabel = "NAME", description = "A class name in source form (java.lang.String[]); all its instances.")
        String className;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "With --class: at most N instances, largest retained size first (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", paramLabel = "FILE|-", description = {
            "Write the JSON document to FILE, or to stdout with -: heapchain.paths/2 (the merged tree)",
            "with --class, heapchain.paths/1 (one path) with --object."})
    String json;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        if (limit < 1) {
            throw new CommandLine.ParameterException(cmd, "--limit must be 1 or more, not " + limit);
        }
        long id = target.object == null ? 0 : parseId(cmd, target.object);
        ValuePolicy values = redact.values(cmd);
        HeapAnalysis a = engine.analyze(dump, common, cmd);
        PathRenderer paths = new PathRenderer(a, values);
        HeapGraph g = a.graph();
        Trace.mark("paths: engine done");
        List<Integer> nodes = new ArrayList<>();
        if (target.object != null) {
            int v = g.node(id);
            if (v < 0) {
                throw new Errors.UserError(ExitCode.USAGE, "object " + target.object + " is not in the dump");
            }
            nodes.add(v);
        } else {
            HeapClass c = g.classes().byName(target.className);
            if (c == null) {
                throw new Errors.UserError(ExitCode.USAGE, "class " + target.className + " is not in the dump"
                        + " (names are in source form, e.g. java.util.HashMap$Node or byte[])");
            }
            // classIndex is the class's index for instances; class objects carry a flag bit on top.
            for (int v = 0, n = g.nodeCount(), wanted = c.index(); v < n; v++) {
                if (g.classIndex(v) == wanted) {
                    nodes.add(v);
                }
            }
            java.util.Map<Integer, long[]> keys = new java.util.HashMap<>(); // retained, id: looked up once
            for (int v : nodes) {
                keys.put(v, new long[]{a.dominators().retainedSize(v), g.id(v)});
            }
            nodes.sort((x, y) -> {
                long[] kx = keys.get(x);
                long[] ky = keys.get(y);
                int byRetained = Long.compare(ky[0], kx[0]);
                return byRetained != 0 ? byRetained : Long.compareUnsigned(kx[1], ky[1]);
            });
        }
        Redactor redactor = redact.redactor(cmd, paths); // --redact names: the results get placeholders before rendering
        EngineSummary s = redactor == null ? EngineSummary.of(a) : redactor.apply(EngineSummary.of(a));
        String shownClass = redactor == null ? target.className : redactor.className(target.className);
        if (target.object != null) {
            ObjectReport report = redactor == null ? TopObjects.report(paths, nodes.get(0))
                    : redactor.apply(TopObjects.report(paths, nodes.get(0)));
            Trace.mark("paths: report built");
            if (json != null) {
                Output.to(json, cmd.getOut(), w -> ObjectsReport.json("heapchain.paths/1", s, List.of(report),
                        VersionProvider.version(), w));
            }
            if (json == null || !json.equals("-")) {
                ObjectsReport.text("Path from a GC root to " + target.object + ":", s, List.of(report), cmd.getOut());
            }
            return ExitCode.OK.code();
        }
        int total = nodes.size();
        int[] chosen = nodes.subList(0, Math.min(limit, total)).stream().mapToInt(Integer::intValue).toArray();
        MergedPaths merged = redactor == null ? MergedPaths.of(paths, chosen) : redactor.apply(MergedPaths.of(paths, chosen));
        Trace.mark("paths: paths merged");
        if (json != null) {
            Output.to(json, cmd.getOut(), w -> PathsReport.json(s, shownClass, total, merged, VersionProvider.version(), w));
            Trace.mark("paths: json written");
        }
        if (json == null || !json.equals("-")) {
            String title = "Paths from GC roots to " + Units.count(chosen.length) + " of " + Units.count(total)
                    + " instances of " + shownClass + " (largest retained size first), merged:";
            PathsReport.text(title, s, merged, cmd.getOut());
        }
        return ExitCode.OK.code();
    }

    private static long parseId(CommandLine cmd, String text) {
        String t = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        try {
            return Long.parseUnsignedLong(t, 16);
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(cmd, "--object takes a hex id such as 0x7f3a1c20, not " + text);
        }
    }
}
