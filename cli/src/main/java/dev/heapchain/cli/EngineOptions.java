package dev.heapchain.cli;

import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.hprof.HprofFile;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options of commands that build the object graph. */
final class EngineOptions {
    @Option(names = "--keep-weak", description = {"Follow Reference.referent (weak, soft, phantom, finalizer) edges in",
            "paths and dominators. By default they are left out: they do not keep objects alive."})
    boolean keepWeak;

    HeapAnalysis analyze(Path dump, CommonOptions common, CommandLine cmd) {
        return analyze(dump, common, cmd, java.util.Set.of(), false);
    }

    /**
     * @param capture    classes whose field values the command reads afterwards (see Profile.captureClasses)
     * @param setQueries whether the command asks for retained sizes of sets (see HeapAnalysis.run)
     */
    HeapAnalysis analyze(Path dump, CommonOptions common, CommandLine cmd, java.util.Set<String> capture,
                         boolean setQueries) {
        int dumpNumber = common.dumpNumber(cmd);
        Warmup.start();
        HprofFile file = RunScope.current().track(HprofFile.open(dump).inflated(common.tmpDir(cmd), dumpNumber));
        try (Progress progress = new Progress(cmd.getErr(), common.quiet)) {
            HeapAnalysis a = HeapAnalysis.run(file, dumpNumber, keepWeak, capture, setQueries, progress.meter());
            progress.engineDone();
            common.printWarnings(a.graph().summary().warnings(), cmd.getErr());
            common.printWarnings(a.graph().classes().warnings(), cmd.getErr());
            return a;
        }
    }
}
