package dev.heapchain.cli;

import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Profile;
import dev.heapchain.analysis.chain.Verdicts;
import dev.heapchain.report.AnalyzeJson;
import dev.heapchain.report.AnalyzeText;
import dev.heapchain.report.Check;
import dev.heapchain.report.redact.Redaction;
import dev.heapchain.util.Trace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "analyze", header = "Finds snapshot chains, what they retain by epoch, what pins them; gives a verdict.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Finds snapshot chains: retained size by epoch, each chain's owner and path from a GC root,",
                "its trim watermark, what pins it, and a verdict: LEAK (a pin or a breached watermark),",
                "SUSPECT (more than --max-snapshots waiting, no evidence), no leak, or not applicable.",
                "The built-in 'automq' profile covers Kafka's org.apache.kafka.timeline.Snapshot in",
                "SnapshotRegistry (controllers, coordinator shards) and AutoMQ's RegistryRef;",
                "--class/--epoch-field/--link-field describe any other class that carries an epoch.",
                "Several dumps, or a folder (its *.hprof and *.hprof.gz, by name), give one summary table."})
final class AnalyzeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    EngineOptions engine;

    @Mixin
    ProfileOptions profileOptions;

    @Parameters(arity = "1..*", paramLabel = "DUMP", description = {"The heap dump (.hprof, optionally gzip-compressed);",
            "several dumps or folders for a summary table, one dump at a time."})
    List<Path> dumps;

    @Option(names = "--fail-on-leak", description = "Exit with code 4 when the verdict is LEAK (for any dump).")
    boolean failOnLeak;

    @Option(names = "--fail-on-suspect", description = "Exit with code 4 when the verdict is LEAK or SUSPECT (for any dump).")
    boolean failOnSuspect;

    @Mixin
    ReportOptions report;

    @Mixin
    RedactOptions redact;


    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        Profile profile = profileOptions.profile(cmd);
        int maxSnapshots = profileOptions.maxSnapshots(cmd);
        Redaction redaction = redact.level(cmd);
        List<Path> files = AnalyzeBatch.expand(dumps, cmd);
        if (dumps.size() > 1 || Files.isDirectory(dumps.get(0))) {
            if (report.html != null) {
                throw new CommandLine.ParameterException(cmd, "--html takes one dump; with several, use --json DIR and open each report");
            }
            return new AnalyzeBatch(this, profile, maxSnapshots).run(files);
        }
        report.checkOneOnStdout(cmd);
        ChainRun run = ChainRun.of(files.get(0), profile, maxSnapshots, common, engine, cmd, redaction, report.html != null);
        report.render(cmd, "analyze", w -> {
            AnalyzeJson.write(run.document(), w);
            Trace.mark("analyze: json written");
        }, run::writeHtml,
                out -> AnalyzeText.render(run.summary(), run.report(), run.suspects(), out),
                () -> List.of(leakCheck(files.get(0), run.report().verdict(), failOnSuspect)));
        Verdicts.Outcome outcome = run.report().verdict().outcome();
        return fails(outcome) ? ExitCode.LEAK.code() : ExitCode.OK.code();
    }

    /** Whether an outcome fails the run, by --fail-on-leak and --fail-on-suspect. */
    boolean fails(Verdicts.Outcome outcome) {
        return failOnLeak && outcome == Verdicts.Outcome.LEAK || failOnSuspect && outcome.atLeast(Verdicts.Outcome.SUSPECT);
    }

    /**
     * The JUnit case: failed on LEAK, and on SUSPECT with --fail-on-suspect; a SUSPECT that passes
     * keeps its reasons in the case's output, where a reader of the CI report finds them.
     */
    static Check leakCheck(Path dump, ChainReport.Verdict v, boolean failOnSuspect) {
        List<String> reasons = v.reasons().stream().map(r -> "[" + r.outcome().label() + "] " + r.text()).toList();
        boolean failed = v.outcome().atLeast(failOnSuspect ? Verdicts.Outcome.SUSPECT : Verdicts.Outcome.LEAK);
        List<String> details = new java.util.ArrayList<>(List.of("verdict: " + v.outcome().shout()));
        if (!failed) {
            details.addAll(reasons);
        }
        return Check.of("analyze", "leak verdict: " + dump, failed, reasons, details);
    }
}
