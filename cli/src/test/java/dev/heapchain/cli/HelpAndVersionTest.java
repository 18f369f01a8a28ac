package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code --help} and {@code --version} work on the top command and on every subcommand, present and future. */
class HelpAndVersionTest {

    /** Command paths taken from the command tree itself, so a new command is covered with no edit here. */
    static Stream<List<String>> commands() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<List<String>> paths = new ArrayList<>();
        paths.add(List.of());
        collect(root, new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine cmd, List<String> prefix, List<List<String>> out) {
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return; // an alias
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            out.add(path);
            collect(sub, path, out);
        });
    }

    private static String[] args(List<String> path, String option) {
        List<String> a = new ArrayList<>(path);
        a.add(option);
        return a.toArray(String[]::new);
    }

    @ParameterizedTest(name = "heapchain {0} --help")
    @MethodSource("commands")
    void help(List<String> path) {
        Cli r = Cli.run(args(path, "--help"));
        assertEquals(0, r.code(), r::toString);
        String usage = ("Usage: heapchain " + String.join(" ", path)).trim();
        assertTrue(r.out().startsWith(usage) || r.out().contains("\n" + usage), r::toString);
        assertTrue(r.out().contains("Exit codes:"), r::toString);
        assertEquals("", r.err());
    }

    @ParameterizedTest(name = "heapchain {0} --version")
    @MethodSource("commands")
    void version(List<String> path) {
        if (path.equals(List.of("help"))) {
            return; // picocli's built-in help command has --help only; it reads no dump to version.
        }
        Cli r = Cli.run(args(path, "--version"));
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("heapchain "), r::toString);
        assertTrue(r.out().contains("Java " + System.getProperty("java.version")), r::toString);
        assertEquals("", r.err());
    }

    @ParameterizedTest(name = "heapchain help {0}")
    @MethodSource("commands")
    void helpCommandNamesEachCommand(List<String> path) {
        if (path.isEmpty() || path.equals(List.of("help"))) {
            return;
        }
        Cli r = Cli.run(Stream.concat(Stream.of("help"), path.stream()).toArray(String[]::new));
        assertEquals(0, r.code(), r::toString);
        // Commands with a one-line header print it first; the usage line follows at once.
        assertTrue(r.out().lines().limit(2).anyMatch(l -> l.startsWith("Usage: heapchain " + String.join(" ", path))),
                r::toString);
        assertFalse(r.out().isBlank());
    }
}
