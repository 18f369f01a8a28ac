package dev.heapchain.cli;

import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Profile;
import dev.heapchain.report.AnalyzeBatchText;
import dev.heapchain.report.AnalyzeJson;
import dev.heapchain.report.Check;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * `analyze` over several dumps (say, every node of a failed cluster): one dump at a time, so memory
 * stays that of the largest, keeping a summary row each. A dump that cannot be read gets an error
 * row and the rest still run; the exit code then says 3.
 */
final class AnalyzeBatch {
    private final AnalyzeCommand command;
    private final Profile profile;
    private final int maxSnapshots;

    AnalyzeBatch(AnalyzeCommand command, Profile profile, int maxSnapshots) {
        this.command = command;
        this.profile = profile;
        this.maxSnapshots = maxSnapshots;
    }

    /** Files as given, with each folder replaced by its *.hprof and *.hprof.gz files, sorted by name. */
    static List<Path> expand(List<Path> inputs, CommandLine cmd) {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.isDirectory(p)) {
                out.add(p);
                continue;
            }
            try (Stream<Path> s = Files.list(p)) {
                List<Path> found = s.filter(f -> Files.isRegularFile(f) && isDump(f.getFileName().toString()))
                        .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
                if (found.isEmpty()) {
                    throw new CommandLine.ParameterException(cmd, "folder " + p + " holds no *.hprof or *.hprof.gz files");
                }
                out.addAll(found);
            } catch (IOException e) {
                throw new Errors.UserError(ExitCode.UNREADABLE_DUMP, "cannot list " + p + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static boolean isDump(String name) {
        return name.endsWith(".hprof") || name.endsWith(".hprof.gz");
    }

    /** The report name of a dump: its file name without .hprof(.gz), plus .json. */
    static String reportName(Path dump) {
        String name = dump.getFileName().toString();
        for (String ext : new String[]{".hprof.gz", ".hprof", ".gz"}) {
            if (name.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length()) + ".json";
            }
        }
        return name + ".json";
    }

    /**
     * The report names of a batch, in the dumps' order: {@link #reportName}, except where two dumps
     * would share one, as x.hprof and the x.hprof.gz jcmd users keep beside it do. Then each
     * compressed one (not ending in .hprof) takes its whole file name plus .json
     * (x.hprof.gz.json), so x.hprof keeps x.json. Names that still clash are left for the caller.
     */
    static List<String> reportNames(List<Path> dumps) {
        Map<String, Integer> uses = new HashMap<>();
        for (Path d : dumps) {
            uses.merge(reportName(d), 1, Integer::sum);
        }
        List<String> names = new ArrayList<>();
        for (Path d : dumps) {
            String file = d.getFileName().toString();
            String name = reportName(d);
            names.add(uses.get(name) > 1 && !file.endsWith(".hprof") ? file + ".json" : name);
        }
        return names;
    }

    int run(List<Path> dumps) {
        CommandLine cmd = command.spec.commandLine();
        List<String> reportNames = reportNames(dumps);
        Path jsonDir = jsonDir(dumps, reportNames, cmd);
        PrintWriter err = cmd.getErr();
        List<AnalyzeBatchText.Row> rows = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        boolean unreadable = false;
        boolean failed = false;
        for (int i = 0; i < dumps.size(); i++) {
            Path dump = dumps.get(i);
            if (!command.common.quiet) {
                err.printf("heapchain: analyzing %s (%d of %d)%n", dump, i + 1, dumps.size());
                err.flush();
            }
            try {
                ChainRun run = ChainRun.of(dump, profile, maxSnapshots, command.common, command.engine, cmd, command.redact.level(cmd));
                if (jsonDir != null) {
                    Output.to(jsonDir.resolve(reportNames.get(i)).toString(), cmd.getOut(), w -> AnalyzeJson.write(run.document(), w));
                }
                ChainReport r = run.report();
                rows.add(row(dump, r));
                checks.add(AnalyzeCommand.leakCheck(dump, r.verdict(), command.failOnSuspect));
                failed |= command.fails(r.verdict().outcome());
            } catch (RuntimeException e) {
                if (Errors.classify(e) != ExitCode.UNREADABLE_DUMP && !(e instanceof UncheckedIOException)) {
                    throw e;
                }
                String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
                err.println("heapchain: error: " + message);
                err.flush();
                unreadable = true;
                rows.add(new AnalyzeBatchText.Row(dump.toString(), null, 0, 0, 0, message));
                checks.add(new Check("analyze", "leak verdict: " + dump, Check.Status.ERROR, List.of(message), List.of()));
            }
        }
        AnalyzeBatchText.render(rows, cmd.getOut());
        if (command.report.junit != null) {
            JUnitOutput.write(command.report.junit, "analyze", checks, cmd);
        }
        return unreadable ? ExitCode.UNREADABLE_DUMP.code() : failed ? ExitCode.LEAK.code() : ExitCode.OK.code();
    }

    private static AnalyzeBatchText.Row row(Path dump, ChainReport r) {
        long snapshots = r.chains().stream().mapToLong(ChainReport.Chain::length).sum();
        long retained = r.chains().stream().mapToLong(ChainReport.Chain::retainedBytes).sum();
        // Chains come worst first, then largest: the worst pin is the first pin of the first chain that has one.
        String pin = r.chains().stream().flatMap(c -> c.pins().stream()).findFirst()
                .map(p -> p.kind() + ": " + p.holderClass() + (p.field() == null ? "" : "." + p.field())).orElse("-");
        return new AnalyzeBatchText.Row(dump.toString(), r.verdict().outcome(), r.chains().size(), snapshots, retained, pin);
    }

    /** The --json folder: created when missing; "-" and name clashes are usage errors. */
    private Path jsonDir(List<Path> dumps, List<String> reportNames, CommandLine cmd) {
        String json = command.report.json;
        if (json == null) {
            return null;
        }
        if (json.equals("-")) {
            throw new CommandLine.ParameterException(cmd, "with several dumps, --json takes a folder (one report per dump), not -");
        }
        Map<String, Path> names = new HashMap<>();
        for (int i = 0; i < dumps.size(); i++) {
            Path d = dumps.get(i);
            Path clash = names.put(reportNames.get(i), d);
            if (clash != null) {
                throw new CommandLine.ParameterException(cmd, clash + " and " + d + " would both write " + reportNames.get(i));
            }
        }
        Path dir = Path.of(json);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Errors.UserError(ExitCode.USAGE, "cannot use " + dir + " as the --json folder: " + e.getMessage());
        }
    }
}
