package dev.heapchain.cli;

import dev.heapchain.report.Check;
import dev.heapchain.report.JUnitXml;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;

/** Writes --junit FILE for any command. */
final class JUnitOutput {
    private JUnitOutput() {
    }

    static void write(Path file, String suite, List<Check> checks, CommandLine cmd) {
        Output.to(file.toString(), cmd.getOut(), w -> JUnitXml.write(suite, checks, w));
    }
}
