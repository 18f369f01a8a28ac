package dev.heapchain.cli;

import dev.heapchain.hprof.HprofWarning;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Options every dump-reading command shares, mixed into each command. */
final class CommonOptions {
    @Option(names = "--dump", paramLabel = "N", description = "Which heap dump to read when the file holds several (counting from 1).")
    Integer dump;

    @Option(names = {"-q", "--quiet"}, description = "No warnings or progress on stderr.")
    boolean quiet;

    @Option(names = "--tmp", paramLabel = "DIR", description = {"Folder for temporary files (a gzip dump inflated once for",
            "commands that read it several times, arrays moved off the memory peak, arrays past the memory",
            "budget as memory-mapped files); they have no name there",
            "and go when the run ends, however it ends. Default: the system temp folder."})
    Path tmp;

    /** The temp folder; a missing one is a usage error, not a silent fallback. */
    Path tmpDir(CommandLine cmd) {
        Path dir = tmp != null ? tmp : Path.of(System.getProperty("java.io.tmpdir"));
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(cmd, "--tmp " + dir + " is not a folder");
        }
        dev.heapchain.util.NativeMemory.overflowFolder(dir);
        return dir;
    }

    /** The reader's dump number: 0 when not given (first dump, with a warning if there are more). */
    int dumpNumber(CommandLine cmd) {
        if (dump == null) {
            return 0;
        }
        if (dump < 1) {
            throw new CommandLine.ParameterException(cmd, "--dump must be 1 or more, not " + dump);
        }
        return dump;
    }

    void printWarnings(List<HprofWarning> warnings, PrintWriter err) {
        if (quiet) {
            return;
        }
        for (HprofWarning w : warnings) {
            err.println("heapchain: warning: " + w.message());
        }
        err.flush();
    }
}
