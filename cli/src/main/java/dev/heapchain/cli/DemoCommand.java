package dev.heapchain.cli;

import dev.heapchain.analysis.AnalysisOptions;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Profile;
import dev.heapchain.fixtures.Variant;
import dev.heapchain.history.CompareJson;
import dev.heapchain.history.CompareText;
import dev.heapchain.history.Comparer;
import dev.heapchain.history.Comparison;
import dev.heapchain.history.ReportFacts;
import dev.heapchain.history.Threshold;
import dev.heapchain.history.html.CompareHtml;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.report.AnalyzeJson;
import dev.heapchain.report.Units;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "demo", header = "Writes, analyzes and compares leaky and fixed snapshot-module dumps.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The main job end to end on the bundled snapshot module: writes a leaky and a fixed",
                "dump, analyzes both, writes their reports (JSON and HTML), prints the two verdicts, and",
                "compares fixed (baseline) with leaky (current) as a CI gate would."})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** analyze's and compare's defaults, so the demo's reports match what those commands print. */
    private static final int MAX_LIVE_EPOCHS = 32;
    private static final int TOP_CLASSES = 10;

    @Option(names = "--out", defaultValue = "heapchain-demo", paramLabel = "DIR", description = "Where dumps and reports go (default: ./${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--images", defaultValue = "2000", paramLabel = "N", description = "Images per run (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        if (images < 1) {
            throw new CommandLine.ParameterException(cmd, "--images must be 1 or more");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new Errors.UserError(ExitCode.USAGE, "cannot create " + out + ": " + e.getMessage());
        }
        PrintWriter stdout = cmd.getOut();
        stdout.printf(Locale.ROOT, "heapchain demo: the snapshot module, %d images, catch-up 3, leaky and fixed%n%n", images);
        Map<Variant, ReportFacts> facts = new EnumMap<>(Variant.class);
        for (Variant v : new Variant[]{Variant.LEAKY, Variant.FIXED}) {
            Path dump = FixtureCommand.write(v, images, 3, 0, 42, out.resolve(v.cliName() + ".hprof"), quiet ? null : cmd.getErr());
            HeapAnalysis a = HeapAnalysis.run(HprofFile.open(dump),
                    AnalysisOptions.defaults().withCapture(Profile.builtIn("automq").captureClasses()));
            ChainRun run = ChainRun.of(a, Profile.builtIn("automq"), MAX_LIVE_EPOCHS, dev.heapchain.report.redact.Redaction.VALUES, true);
            Path json = out.resolve(v.cliName() + ".json");
            Path html = out.resolve(v.cliName() + ".html");
            Output.to(json.toString(), stdout, w -> AnalyzeJson.write(run.document(), w));
            Output.to(html.toString(), stdout, run::writeHtml);
            facts.put(v, run.facts(json.toString()));
            ChainReport r = run.report();
            long snapshots = r.chains().stream().mapToLong(ChainReport.Chain::length).sum();
            long retained = r.chains().stream().mapToLong(ChainReport.Chain::retainedBytes).sum();
            stdout.printf(Locale.ROOT, "%-6s %s: %s snapshots in %d chains retain %s%n", v.cliName(),
                    String.format(Locale.ROOT, "%-8s", r.verdict().outcome().shout()), Units.count(snapshots), r.chains().size(),
                    Units.bytes(retained));
            r.chains().stream().flatMap(c -> c.pins().stream()).findFirst()
                    .ifPresent(p -> stdout.println("       why: " + p.explanation()));
            stdout.printf(Locale.ROOT, "       dump %s%n       reports %s, %s%n%n", dump, json, html);
        }
        compare(facts.get(Variant.FIXED), facts.get(Variant.LEAKY), stdout);
        stdout.println("Next: ./heapchain analyze " + out.resolve("leaky.hprof") + "   (full report; --json FILE for the document)");
        stdout.flush();
        return ExitCode.OK.code();
    }

    /** The fix as a CI gate would see it backwards: the fixed run is the baseline, the leaky one regresses from it. */
    private void compare(ReportFacts fixed, ReportFacts leaky, PrintWriter stdout) {
        Comparison c = Comparer.compare(fixed, leaky, Threshold.DEFAULT, TOP_CLASSES);
        Path json = out.resolve("compare.json");
        Path text = out.resolve("compare.txt");
        Path html = out.resolve("compare.html");
        Output.to(json.toString(), stdout, w -> CompareJson.write(c, VersionProvider.version(), w));
        Output.to(text.toString(), stdout, w -> CompareText.render(c, new PrintWriter(w)));
        Output.to(html.toString(), stdout, w -> CompareHtml.write(c, VersionProvider.version(), w));
        stdout.printf(Locale.ROOT, "compare fixed (baseline) -> leaky (current): %s%n", c.verdict());
        c.regressions().stream().limit(2).forEach(r -> stdout.println("       why: " + r));
        stdout.printf(Locale.ROOT, "       reports %s, %s, %s%n%n", json, text, html);
    }
}
