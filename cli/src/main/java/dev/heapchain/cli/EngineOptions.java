package dev.heapchain.cli;

import dev.heapchain.analysis.AnalysisOptions;
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
        return analyze(dump, common, cmd, AnalysisOptions.defaults());
    }

    /**
     * @param wanted what the command asks of the engine beside the command line: the classes whose field
     *               values it reads afterwards (see Profile.captureClasses), whether it asks for retained
     *               sizes of sets; the dump number, --keep-weak and the progress line are set here
     */
    HeapAnalysis analyze(Path dump, CommonOptions common, CommandLine cmd, AnalysisOptions wanted) {
        int dumpNumber = common.dumpNumber(cmd);
        Warmup.start();
        HprofFile file = RunScope.current().track(HprofFile.open(dump).inflated(common.tmpDir(cmd), dumpNumber));
        try (Progress progress = new Progress(cmd.getErr(), common.quiet)) {
            HeapAnalysis a = HeapAnalysis.run(file, wanted.withDump(dumpNumber).withKeepWeak(keepWeak)
                    .withProgress(progress.meter()));
            progress.engineDone();
            common.printWarnings(a.graph().summary().warnings(), cmd.getErr());
            common.printWarnings(a.graph().classes().warnings(), cmd.getErr());
            return a;
        }
    }
}
