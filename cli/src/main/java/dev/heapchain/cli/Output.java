package dev.heapchain.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a report goes: "-" is stdout, anything else a file that is replaced. */
final class Output {
    private Output() {
    }

    interface Body {
        void write(Writer w) throws IOException;
    }

    static void to(String target, PrintWriter stdout, Body body) {
        try {
            if (target.equals("-")) {
                body.write(stdout);
                stdout.flush();
                return;
            }
            Path p = Path.of(target);
            if (RunScope.current().isInput(p)) {
                // The dump is evidence: a mistyped --json must not replace it.
                throw new Errors.UserError(ExitCode.USAGE, "refusing to write " + target + ": it is an input of this command");
            }
            Path parent = p.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new Errors.UserError(ExitCode.USAGE, "cannot write " + target + ": folder " + parent + " does not exist");
            }
            try (Writer w = new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8)) {
                body.write(w);
            }
        } catch (IOException e) {
            throw new Errors.UserError(ExitCode.USAGE, "cannot write " + target + ": " + e.getMessage());
        }
    }
}
