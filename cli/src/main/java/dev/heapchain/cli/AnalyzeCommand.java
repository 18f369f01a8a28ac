package dev.heapchain.cli;

import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.HeapOverview;
import dev.heapchain.analysis.chain.ChainAnalysis;
import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Profile;
import dev.heapchain.report.AnalyzeJson;
import dev.heapchain.report.AnalyzeText;
import dev.heapchain.report.html.AnalyzeHtml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Finds snapshot chains: retained size by epoch, each chain's owner and path from a GC root,",
                "what pins it, and a verdict. The built-in 'automq' profile covers Kafka's",
                "org.apache.kafka.timeline.Snapshot in SnapshotRegistry (and AutoMQ's RegistryRef);",
                "--class/--epoch-field/--link-field describe any other class that carries an epoch."})
final class AnalyzeCommand implements Callable<Integer> {
    /** Largest objects listed in the HTML report; the `top` command lists more. */
    private static final int TOP_OBJECTS = 10;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    EngineOptions engine;

    @Parameters(paramLabel = "DUMP", description = "The heap dump (.hprof, optionally gzip-compressed).")
    Path dump;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "automq", description = "Built-in profile (default: ${DEFAULT-VALUE}).")
    String profileName;

    @Option(names = "--profile-file", paramLabel = "FILE", description = "A profile of your own, as JSON (see docs/guide.md).")
    Path profileFile;

    @Option(names = "--class", paramLabel = "NAME", description = "Ad-hoc profile: a class whose instances carry an epoch (repeatable).")
    List<String> classes;

    @Option(names = "--epoch-field", paramLabel = "PATH", description = "Ad-hoc profile: the epoch field, e.g. epoch or provenance.offset.")
    String epochField;

    @Option(names = "--link-field", paramLabel = "NAME", description = "Ad-hoc profile: a field linking snapshots, e.g. prev (repeatable).")
    List<String> linkFields;

    @Option(names = "--max-live-epochs", paramLabel = "N", defaultValue = "32",
            description = "A chain longer than this, or whose oldest epoch trails the newest by more, is a leak (default: ${DEFAULT-VALUE}).")
    int maxLiveEpochs;

    @Option(names = "--fail-on-leak", description = "Exit with code 4 when the verdict is LEAK.")
    boolean failOnLeak;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the heapchain.analyze/1 JSON document to FILE, or to stdout with -.")
    String json;

    @Option(names = "--html", paramLabel = "FILE|-",
            description = "Write a self-contained HTML report (verdict, chart by epoch, chains and paths, histogram) to FILE, or to stdout with -.")
    String html;

    @Option(names = "--include-values", description = {"Let reports show values from the dump: thread names today, string and",
            "primitive-array contents where a report has them. Left out by default: dumps hold secrets."})
    boolean includeValues;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        Profile profile = profile(cmd);
        if (maxLiveEpochs < 1) {
            throw new CommandLine.ParameterException(cmd, "--max-live-epochs must be 1 or more, not " + maxLiveEpochs);
        }
        if ("-".equals(json) && "-".equals(html)) {
            throw new CommandLine.ParameterException(cmd, "only one of --json and --html can go to stdout (-)");
        }
        HeapAnalysis a = engine.analyze(dump, common, cmd);
        a.includeValues(includeValues);
        ChainReport report = ChainAnalysis.run(a, profile, maxLiveEpochs);
        EngineSummary s = EngineSummary.of(a);
        if (json != null) {
            Output.to(json, cmd.getOut(), w -> AnalyzeJson.write(s, report, VersionProvider.version(), w));
        }
        if (html != null) {
            HeapOverview overview = HeapOverview.of(a, s, TOP_OBJECTS);
            Output.to(html, cmd.getOut(), w -> AnalyzeHtml.write(s, report, overview, includeValues, VersionProvider.version(), w));
        }
        if (!"-".equals(json) && !"-".equals(html)) {
            AnalyzeText.render(s, report, cmd.getOut());
        }
        return report.verdict().leak() && failOnLeak ? ExitCode.LEAK.code() : ExitCode.OK.code();
    }

    private Profile profile(CommandLine cmd) {
        boolean adHoc = classes != null || epochField != null || linkFields != null;
        if (adHoc) {
            if (classes == null || epochField == null) {
                throw new CommandLine.ParameterException(cmd, "an ad-hoc profile needs --class and --epoch-field (and usually --link-field)");
            }
            if (profileFile != null) {
                throw new CommandLine.ParameterException(cmd, "use either --profile-file or --class/--epoch-field, not both");
            }
            return Profile.adHoc(classes, epochField, linkFields == null ? List.of() : linkFields);
        }
        if (profileFile != null) {
            try {
                return Profile.fromFile(profileFile);
            } catch (IOException | IllegalArgumentException e) {
                throw new Errors.UserError(ExitCode.USAGE, "cannot use profile " + profileFile + ": " + e.getMessage());
            }
        }
        try {
            return Profile.builtIn(profileName);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
    }
}
