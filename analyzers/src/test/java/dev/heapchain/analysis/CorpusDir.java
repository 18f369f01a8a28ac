package dev.heapchain.analysis;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared HPROF corpus ({@code ../shared/corpus} beside the project root) by walking up
 * from the working directory, because Maven runs module tests from the module folder while an IDE
 * may run them from the root. Tests skip with a printed notice when it is absent (MANIFEST.md).
 */
final class CorpusDir {
    private CorpusDir() {
    }

    /** The corpus folder, or null. */
    static Path find() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("../shared/corpus").normalize();
            if (Files.isRegularFile(candidate.resolve("MANIFEST.md"))) {
                return candidate;
            }
            candidate = p.resolve("shared/corpus");
            if (Files.isRegularFile(candidate.resolve("MANIFEST.md"))) {
                return candidate;
            }
        }
        return null;
    }

    /** The corpus folder; skips the calling test (with a notice on stdout) when it is absent. */
    static Path require() {
        Path dir = find();
        if (dir == null) {
            System.out.println("NOTICE: ../shared/corpus not found above " + System.getProperty("user.dir")
                    + "; skipping corpus test");
        }
        Assumptions.assumeTrue(dir != null, "HPROF corpus (../shared/corpus) is absent");
        return dir;
    }

    /** A corpus file; skips the calling test when it is absent. */
    static Path require(String relative) {
        Path file = require().resolve(relative);
        if (!Files.isRegularFile(file)) {
            System.out.println("NOTICE: corpus file " + relative + " not found; skipping");
        }
        Assumptions.assumeTrue(Files.isRegularFile(file), "corpus file " + relative + " is absent");
        return file;
    }
}
