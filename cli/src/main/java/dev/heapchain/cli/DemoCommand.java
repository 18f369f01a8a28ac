package dev.heapchain.cli;

import dev.heapchain.analysis.ClassRetention;
import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.chain.ChainAnalysis;
import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Profile;
import dev.heapchain.fixtures.Variant;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.report.AnalyzeJson;
import dev.heapchain.report.Units;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The main job end to end on the bundled snapshot module: writes a leaky and a fixed",
                "dump, analyzes both, writes their reports and prints the two verdicts."})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "heapchain-demo", paramLabel = "DIR", description = "Where dumps and reports go (default: ./${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--images", defaultValue = "2000", paramLabel = "N", description = "Images per run (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        CommandLine cmd = spec.commandLine();
        if (images < 1) {
            throw new CommandLine.ParameterException(cmd, "--images must be 1 or more");
        }
        Files.createDirectories(out);
        PrintWriter stdout = cmd.getOut();
        stdout.printf(Locale.ROOT, "heapchain demo: the snapshot module, %d images, catch-up 3, leaky and fixed%n%n", images);
        for (Variant v : new Variant[]{Variant.LEAKY, Variant.FIXED}) {
            Path dump = FixtureCommand.write(v, images, 3, 0, 42, out.resolve(v.cliName() + ".hprof"), quiet ? null : cmd.getErr());
            HeapAnalysis a = HeapAnalysis.run(HprofFile.open(dump), 0, false, Profile.builtIn("automq").captureClasses(), s -> { });
            ChainReport r = ChainAnalysis.run(a, Profile.builtIn("automq"), 32);
            EngineSummary s = EngineSummary.of(a);
            Path json = out.resolve(v.cliName() + ".json");
            try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                AnalyzeJson.write(s, r, ClassRetention.compute(a), VersionProvider.version(), w);
            }
            long snapshots = r.chains().stream().mapToLong(ChainReport.Chain::length).sum();
            long retained = r.chains().stream().mapToLong(ChainReport.Chain::retainedBytes).sum();
            stdout.printf(Locale.ROOT, "%-6s %s: %s snapshots in %d chains retain %s%n", v.cliName(),
                    r.verdict().leak() ? "LEAK    " : "no leak ", Units.count(snapshots), r.chains().size(), Units.bytes(retained));
            r.chains().stream().flatMap(c -> c.pins().stream()).findFirst()
                    .ifPresent(p -> stdout.println("       why: " + p.explanation()));
            stdout.printf(Locale.ROOT, "       dump %s%n       report %s%n%n", dump, json);
        }
        stdout.println("Next: ./heapchain analyze " + out.resolve("leaky.hprof") + "   (full report; --json FILE for the document)");
        stdout.flush();
        return ExitCode.OK.code();
    }
}
