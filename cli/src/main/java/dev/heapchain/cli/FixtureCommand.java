package dev.heapchain.cli;

import dev.heapchain.fixtures.FixtureDumpException;
import dev.heapchain.fixtures.FixtureDumps;
import dev.heapchain.fixtures.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "fixture", header = "Writes a real heap dump of the bundled snapshot module (leaky or fixed).",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs the bundled snapshot module (a small model of Kafka's timeline snapshots with",
                "AutoMQ-style live-epoch bookkeeping) in a child JVM and writes a real heap dump of it.",
                "leaky: the catch-up path drops images without releasing them; fixed: it releases them."})
final class FixtureCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--variant", required = true, paramLabel = "leaky|fixed", description = "Which variant to run.")
    String variant;

    @Option(names = "--images", defaultValue = "2000", paramLabel = "N", description = "Metadata images to publish (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--catch-up", defaultValue = "3", paramLabel = "K", description = "Images in the start-up catch-up phase (default: ${DEFAULT-VALUE}).")
    int catchUp;

    @Option(names = "--noise-mb", defaultValue = "0", paramLabel = "M", description = "Ordinary heap content to add, for benchmark-sized dumps.")
    int noiseMb;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed of the soak run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE.hprof", description = "Where to write the dump (must end in .hprof).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        Variant v = parseVariant(cmd, variant);
        if (images < 1 || catchUp < 0 || noiseMb < 0) {
            throw new CommandLine.ParameterException(cmd, "--images must be >= 1, --catch-up and --noise-mb >= 0");
        }
        if (!out.getFileName().toString().endsWith(".hprof")) {
            throw new CommandLine.ParameterException(cmd, "--out must end in .hprof (the JVM's dumper requires it): " + out);
        }
        Path written = write(v, images, catchUp, noiseMb, seed, out, quiet ? null : cmd.getErr());
        cmd.getOut().printf(Locale.ROOT, "wrote %s (%s variant, %d images, catch-up %d)%n", written, v.cliName(), images, catchUp);
        cmd.getOut().flush();
        return ExitCode.OK.code();
    }

    static Variant parseVariant(CommandLine cmd, String text) {
        try {
            return Variant.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--variant must be leaky or fixed, not " + text);
        }
    }

    static Path write(Variant v, int images, int catchUp, int noiseMb, long seed, Path out, java.io.PrintWriter err) {
        if (err != null) {
            err.printf(Locale.ROOT, "heapchain: running the %s snapshot module in a child JVM (%d images)...%n", v.cliName(), images);
            err.flush();
        }
        try {
            Files.deleteIfExists(out);
            return FixtureDumps.write(v, images, catchUp, noiseMb, seed, out);
        } catch (FixtureDumpException e) {
            throw new Errors.UserError(ExitCode.INTERNAL_ERROR, "fixture failed: " + e.getMessage().lines().findFirst().orElse(""));
        } catch (java.io.IOException e) {
            throw new Errors.UserError(ExitCode.USAGE, "cannot replace " + out + ": " + e.getMessage());
        }
    }
}
