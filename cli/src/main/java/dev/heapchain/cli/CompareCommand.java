package dev.heapchain.cli;

import dev.heapchain.history.CompareJson;
import dev.heapchain.history.CompareText;
import dev.heapchain.history.Comparer;
import dev.heapchain.history.Comparison;
import dev.heapchain.history.ReportFacts;
import dev.heapchain.history.html.CompareHtml;
import dev.heapchain.history.Threshold;
import dev.heapchain.report.Check;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "compare", header = "Compares two dumps or reports: regressed, improved or unchanged.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Compares two dumps or earlier `analyze --json` reports (or one of each):",
                "chains (matched by identity: owner and field, e.g. QuorumController.snapshotRegistry), epochs,",
                "pins and classes, with a verdict: regressed (only when the evidence got worse), improved or unchanged.",
                "Profile options apply to sides that are dumps."})
final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    EngineOptions engine;

    @Mixin
    ProfileOptions profile;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "The dump or analyze report to compare against.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The dump or analyze report to judge.")
    Path current;

    @Option(names = "--threshold", paramLabel = "PCT%[,SIZE]", defaultValue = "10%,1MB",
            description = "How much a chain must change to count: more than PCT%% of the baseline and, for bytes, more than SIZE (default: 10%%,1MB).")
    String threshold;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Classes shown by retained growth (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--fail-on-regression", description = "Exit with code 4 when the verdict is regressed.")
    boolean failOnRegression;

    @Mixin
    ReportOptions report;

    @Mixin
    RedactOptions redact;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        Threshold t;
        try {
            t = Threshold.parse(threshold);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--threshold: " + e.getMessage());
        }
        if (top < 0) {
            throw new CommandLine.ParameterException(cmd, "--top must be 0 or more, not " + top);
        }
        report.checkOneOnStdout(cmd);
        ReportInputs inputs = new ReportInputs(common, engine, profile, cmd, redact.level(cmd));
        ReportFacts base = inputs.load(baseline);
        ReportFacts cur = inputs.load(current);
        Comparison c = Comparer.compare(base, cur, t, top);
        boolean regressed = c.verdict().equals(Comparison.REGRESSED);
        report.render(cmd, "compare", w -> CompareJson.write(c, VersionProvider.version(), w),
                w -> CompareHtml.write(c, VersionProvider.version(), w), out -> CompareText.render(c, out), () -> {
                    List<String> details = new ArrayList<>(List.of("verdict: " + c.verdict()));
                    c.improvements().forEach(i -> details.add("improved: " + i));
                    return List.of(Check.of("compare", "regression: " + current + " against " + baseline, regressed,
                            c.regressions(), details));
                });
        return regressed && failOnRegression ? ExitCode.LEAK.code() : ExitCode.OK.code();
    }
}
