package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.fixtures.Variant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/ci.md's heapchain command lines run as written against a dumps/ folder of fixture dumps:
 * exit 0 when the dumps are healthy, 4 once a leaky one is among them, with reports and valid
 * JUnit XML in reports/ either way.
 */
class CiDocTest {
    private static final Path DOC = Path.of("..", "docs", "ci.md");
    private static final Pattern BLOCK = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    /** A heapchain line in YAML: after "run:" or a list dash, or alone on a "run: |" block line. */
    private static final Pattern COMMAND = Pattern.compile("^\\s*(?:-\\s+)?(?:run:\\s+)?heapchain\\s+(.+)$", Pattern.MULTILINE);

    @TempDir
    Path work;

    static List<List<String>> commands() throws Exception {
        List<List<String>> out = new ArrayList<>();
        Matcher block = BLOCK.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        while (block.find()) {
            Matcher line = COMMAND.matcher(block.group(1));
            while (line.find()) {
                String args = line.group(1).strip();
                assertFalse(args.matches(".*[\"'$*\\\\|;&].*"), "keep doc commands plain (no quoting or shell): " + args);
                out.add(List.of(args.split("\\s+")));
            }
        }
        return out;
    }

    /** Relative paths in the doc are relative to the CI workspace: here, the test's folder. */
    private String[] inWorkspace(List<String> args) {
        return args.stream().map(a -> a.startsWith("dumps/") || a.startsWith("reports/") ? work.resolve(a).toString() : a)
                .toArray(String[]::new);
    }

    @Test
    void theDocumentedCommandsRunAndFailOnALeak() throws Exception {
        List<List<String>> commands = commands();
        assertEquals(2, commands.size(), "one command in each job: " + commands);
        Path dumps = Files.createDirectories(work.resolve("dumps"));
        Path reports = work.resolve("reports");
        Files.copy(FixtureSet.dump(Variant.FIXED, 200), dumps.resolve("node-1.hprof"));
        Files.copy(FixtureSet.dump(Variant.FIXED, 400), dumps.resolve("node-2.hprof"));
        for (List<String> c : commands) {
            Files.createDirectories(reports); // the jobs' "mkdir -p reports"
            Cli r = Cli.run(inWorkspace(c));
            assertEquals(0, r.code(), c + " on healthy dumps: " + r);
            JUnitSchema.assertValid(reports.resolve("heapchain-junit.xml"));
            assertTrue(Files.isRegularFile(reports.resolve("node-2.json")), c::toString);
        }
        Files.copy(FixtureSet.dump(Variant.LEAKY, 200), dumps.resolve("node-3.hprof"));
        for (List<String> c : commands) {
            Cli r = Cli.run(inWorkspace(c));
            assertEquals(ExitCode.LEAK.code(), r.code(), c + " with a leaky dump: " + r);
            String xml = Files.readString(reports.resolve("heapchain-junit.xml"), StandardCharsets.UTF_8);
            assertTrue(xml.contains("failures=\"1\""), xml);
        }
    }
}
