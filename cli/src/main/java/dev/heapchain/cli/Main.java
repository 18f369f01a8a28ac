package dev.heapchain.cli;

import dev.heapchain.util.Trace;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/** Entry point. {@link #run} is what tests call: it never exits the JVM and takes its writers. */
@Command(name = "heapchain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Finds snapshot-chain leaks in JVM heap dumps (HPROF).")
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Trace.mark("main");
        // Reports are written whole at the end of a command: stdout is buffered (paths for
        // thousands of objects are tens of thousands of lines) and flushed once before exit.
        // stderr flushes every line: it carries progress and errors as they happen.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out), 1 << 16), false);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        Trace.mark("exit");
        System.exit(code);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        long dumpBytes = -1;
        OutOfMemoryError error;
        try (RunScope scope = RunScope.open()) {
            try {
                String first = args.length > 0 ? args[0] : null;
                CommandLine cmd = commandLine(out, err, first != null && !first.equals("help") && SUBCOMMANDS.containsKey(first) ? first : null);
                return cmd.execute(args);
            } catch (OutOfMemoryError e) {
                dumpBytes = scope.largestDumpBytes();
                error = e;
            }
        }
        // Reported after the scope closed: by now the graph is garbage and printing has room.
        return OutOfMemory.report(err, dumpBytes, error);
    }

    /** The subcommands, in the order help lists them. */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> subcommands() {
        java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
        m.put("demo", DemoCommand::new);
        m.put("analyze", AnalyzeCommand::new);
        m.put("compare", CompareCommand::new);
        m.put("trend", TrendCommand::new);
        m.put("histogram", HistogramCommand::new);
        m.put("top", TopCommand::new);
        m.put("paths", PathsCommand::new);
        m.put("threads", ThreadsCommand::new);
        m.put("fixture", FixtureCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * The command tree; with {@code only}, just that subcommand under the root. picocli reads every
     * command's options by reflection when the tree is built, about 0.1 s for all of them; a run
     * of one command (the usual case) needs only its own. Help and errors without a subcommand
     * get the whole tree.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String only) {
        CommandLine cmd = new CommandLine(new Main());
        SUBCOMMANDS.forEach((name, command) -> {
            if (only == null || only.equals(name)) {
                cmd.addSubcommand(name, command.get());
            }
        });
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setUsageHelpWidth(110); // descriptions are written in lines of up to ~100 characters
        cmd.setExitCodeExceptionMapper(new Errors.ExitCodes());
        cmd.setExecutionExceptionHandler(new Errors.Handler());
        cmd.setParameterExceptionHandler(new Errors.UsageHandler());
        applyExitCodeHelp(cmd);
        return cmd;
    }

    private static void applyExitCodeHelp(CommandLine cmd) {
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.helpList());
        cmd.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE.code());
        cmd.getCommandSpec().exitCodeOnExecutionException(ExitCode.INTERNAL_ERROR.code());
        for (CommandLine sub : cmd.getSubcommands().values()) {
            applyExitCodeHelp(sub);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see heapchain --help)");
    }
}
