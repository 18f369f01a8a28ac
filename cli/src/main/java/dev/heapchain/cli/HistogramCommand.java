package dev.heapchain.cli;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.analysis.HistogramPass;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.report.HistogramJson;
import dev.heapchain.report.HistogramText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "histogram", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Instances and shallow bytes per class, largest first, like jmap -histo.",
                "Shallow sizes follow the size model printed with the result (see docs/size-model.md)."})
final class HistogramCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "DUMP", description = "The heap dump (.hprof, optionally gzip-compressed).")
    Path dump;

    @Mixin
    RedactOptions redact;

    @Option(names = "--top", paramLabel = "N", description = "Show only the N largest classes (default: all).")
    Integer top;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the heapchain.histogram/1 JSON document to FILE, or to stdout with -.")
    String json;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        int dumpNumber = common.dumpNumber(cmd);
        if (top != null && top < 1) {
            throw new CommandLine.ParameterException(cmd, "--top must be 1 or more, not " + top);
        }
        boolean names = redact.level(cmd) == dev.heapchain.report.redact.Redaction.NAMES;
        RunScope.current().input(dump);
        HprofFile file = HprofFile.open(dump);
        ClassHistogram full = HistogramPass.run(file, dumpNumber);
        common.printWarnings(full.dump().warnings(), cmd.getErr());
        ClassHistogram listed = top == null ? full : full.top(top);
        // No graph here: class names are replaced by rule; the rows hold no sentences to search.
        ClassHistogram shown = names ? dev.heapchain.report.redact.Redactor.withoutGraph(RedactOptions.key()).apply(listed) : listed;
        if (json != null) {
            Output.to(json, cmd.getOut(), w -> HistogramJson.write(shown, full.rows().size(), VersionProvider.version(), w));
        }
        if (json == null || !json.equals("-")) {
            HistogramText.render(shown, full.rows().size(), cmd.getOut());
        }
        return ExitCode.OK.code();
    }
}
