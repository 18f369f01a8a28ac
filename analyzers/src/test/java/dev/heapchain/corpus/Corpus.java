package dev.heapchain.corpus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the external HPROF corpus ({@code ../shared/corpus} next to the project root). It is not
 * part of the project, so tests that need it skip, with a printed notice, where it is absent.
 * Module tests run with the module folder as working directory, hence the walk upwards.
 */
public final class Corpus {
    /** Overrides the search, e.g. {@code -Dheapchain.corpus=/data/corpus}. */
    public static final String PROPERTY = "heapchain.corpus";
    private static final Path ROOT = locate();

    private Corpus() {
    }

    private static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            Path p = Path.of(configured);
            return Files.isDirectory(p) ? p.toAbsolutePath() : null;
        }
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("corpus");
            if (Files.isRegularFile(candidate.resolve("MANIFEST.md"))) {
                return candidate;
            }
        }
        return null;
    }

    /** A corpus file; skips the calling test (with a notice on stdout) when it is not there. */
    public static Path file(String relative) {
        Path p = ROOT == null ? null : ROOT.resolve(relative);
        boolean present = p != null && Files.isRegularFile(p);
        if (!present) {
            System.out.println("NOTICE: corpus file " + relative + " not found ("
                    + (ROOT != null ? "looked in " + ROOT
                            : System.getProperty(PROPERTY) != null ? PROPERTY + "=" + System.getProperty(PROPERTY) + " is no folder"
                            : "no ../shared/corpus above " + System.getProperty("user.dir"))
                    + "); skipping the test that needs it");
        }
        assumeTrue(present, "corpus file " + relative + " not available");
        return p;
    }
}
