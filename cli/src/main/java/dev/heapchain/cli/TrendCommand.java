package dev.heapchain.cli;

import dev.heapchain.history.Rates;
import dev.heapchain.history.ReportFacts;
import dev.heapchain.history.html.TrendHtml;
import dev.heapchain.history.TrendJson;
import dev.heapchain.history.TrendReport;
import dev.heapchain.history.TrendText;
import dev.heapchain.history.Trends;
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

@Command(name = "trend", header = "Fits chain and heap growth per hour over dumps or reports.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Follows snapshot chains over dumps or `analyze --json` reports, ordered by",
                "the capture time in each dump's header: snapshots per chain, oldest and",
                "newest epoch, retained bytes and live heap per dump, and their growth per",
                "hour fitted by least squares."})
final class TrendCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    EngineOptions engine;

    @Mixin
    ProfileOptions profile;

    @Parameters(arity = "2..*", paramLabel = "DUMP", description = "Dumps or analyze reports, two or more, in any order.")
    List<Path> inputs;

    @Option(names = "--fail-on-growth", paramLabel = "RATE",
            description = {"Fail (exit 4) when the chains' retained bytes grow faster than RATE:",
                    "bytes or percent of the first dump's value per time, e.g. 10MB/h, 5%%/h, 1GB/day."})
    String failOnGrowth;

    @Mixin
    ReportOptions report;

    @Mixin
    RedactOptions redact;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        Rates.Growth limit = null;
        if (failOnGrowth != null) {
            try {
                limit = Rates.growth(failOnGrowth);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, "--fail-on-growth: " + e.getMessage());
            }
        }
        report.checkOneOnStdout(cmd);
        ReportInputs reader = new ReportInputs(common, engine, profile, cmd, redact.level(cmd));
        List<ReportFacts> reports = new ArrayList<>();
        for (Path p : inputs) {
            reports.add(reader.load(p));
        }
        TrendReport t;
        try {
            t = Trends.of(reports, limit);
        } catch (IllegalArgumentException e) {
            throw new Errors.UserError(ExitCode.USAGE, e.getMessage());
        }
        Rates.Growth checked = limit;
        report.render(cmd, "trend", w -> TrendJson.write(t, VersionProvider.version(), w),
                w -> TrendHtml.write(t, VersionProvider.version(), w), out -> TrendText.render(t, out), () -> {
                    List<String> details = List.of("snapshot chains: " + Trends.rate(t.chains()), "live heap: " + Trends.rate(t.heap()),
                            "span: " + Trends.span(t.spanHours()) + " over " + t.points().size() + " dumps",
                            "limit: " + (checked == null ? "none" : checked.label()));
                    return List.of(Check.of("trend", "growth of snapshot chains over " + t.points().size() + " dumps",
                            t.failed(), t.failures(), details));
                });
        return t.failed() ? ExitCode.LEAK.code() : ExitCode.OK.code();
    }
}
