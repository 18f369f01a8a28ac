package dev.heapchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails when a package of analyzers/src/main/java imports a higher layer, or anything imports picocli. */
class LayeringTest {

    private static Path mainSources() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate : List.of(dir.resolve("src/main/java"), dir.resolve("analyzers/src/main/java"))) {
            if (Files.isDirectory(candidate.resolve("dev/heapchain"))) {
                return candidate;
            }
        }
        throw new AssertionError("analyzers/src/main/java not found from " + dir);
    }

    @Test
    void analyzersLayersPointOneWay() throws IOException {
        Path root = mainSources();
        List<String> problems = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                problems.addAll(LayerRules.check(root.relativize(p).toString(), Files.readString(p)));
                files++;
            }
        }
        assertTrue(files > 20, "found only " + files + " source files under " + root);
        assertEquals(List.of(), problems);
    }

    @Test
    void rulesCatchAnUpwardImport() {
        String src = "package dev.heapchain.hprof;\nimport dev.heapchain.graph.HeapClass;\nclass X {}\n";
        assertEquals(1, LayerRules.check("X.java", src).size());
    }

    @Test
    void rulesCatchAFullyQualifiedUpwardReference() {
        String src = "package dev.heapchain.graph;\nclass X { dev.heapchain.report.Json j; }\n";
        assertEquals(1, LayerRules.check("X.java", src).size());
    }

    @Test
    void rulesCatchPicocliAndUnknownPackages() {
        assertEquals(1, LayerRules.check("X.java", "package dev.heapchain.util;\nimport picocli.CommandLine;\n").size());
        assertEquals(1, LayerRules.check("X.java", "package dev.heapchain.extra;\n").size());
    }

    @Test
    void rulesAllowDownwardReferencesAndIgnoreComments() {
        String src = "package dev.heapchain.report;\nimport dev.heapchain.analysis.ClassHistogram;\n"
                + "import dev.heapchain.util.LongIntMap;\n// see dev.heapchain.cli.Main and picocli\n"
                + "class X { String s = \"dev.heapchain.cli\"; }\n";
        assertEquals(List.of(), LayerRules.check("X.java", src));
    }
}
