package dev.heapchain.cli;

import dev.heapchain.report.Check;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The report options analyze, compare and trend share (--json, --html, --junit), declared once,
 * and the one tail that renders a command's result through them: the JSON document, the HTML page,
 * the text on stdout unless a document went there, and the JUnit checks.
 */
final class ReportOptions {
    @Option(names = "--json", paramLabel = "FILE|-|DIR", description = {"Write the command's JSON document (heapchain.${COMMAND-NAME}, see",
            "docs/schema) to FILE, or to stdout with -; analyze with several dumps: a folder, one report per dump."})
    String json;

    @Option(names = "--html", paramLabel = "FILE|-",
            description = "Write a self-contained HTML page of the result (for tickets: no network, no scripts from elsewhere) to FILE, or to stdout with -.")
    String html;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write the command's checks (verdict, regression, growth) as JUnit XML, for CI test reports.")
    Path junit;

    /** Two documents on stdout would be one unreadable stream: refuse before any work is done. */
    void checkOneOnStdout(CommandLine cmd) {
        if ("-".equals(json) && "-".equals(html)) {
            throw new CommandLine.ParameterException(cmd, "only one of --json and --html can go to stdout (-)");
        }
    }

    /**
     * Writes what was asked for, in a fixed order: JSON, HTML, the text (unless a document took
     * stdout), JUnit XML.
     *
     * @param html   null when the command has no page for this result
     * @param checks made only when --junit was given
     */
    void render(CommandLine cmd, String suite, Output.Body json, Output.Body html, Consumer<PrintWriter> text,
                Supplier<List<Check>> checks) {
        PrintWriter out = cmd.getOut();
        if (this.json != null) {
            Output.to(this.json, out, json);
        }
        if (this.html != null && html != null) {
            Output.to(this.html, out, html);
        }
        if (!"-".equals(this.json) && !"-".equals(this.html)) {
            text.accept(out);
        }
        if (junit != null) {
            JUnitOutput.write(junit, suite, checks.get(), cmd);
        }
    }
}
