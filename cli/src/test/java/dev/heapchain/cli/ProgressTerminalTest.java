package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.testing.LinkChainWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line on a real terminal: the CLI in a child JVM under script(1), which gives it a
 * pseudo-terminal (skipped with a notice where script is missing). Progress starts at once here
 * (-Dheapchain.progressDelayMs=0) instead of after two seconds.
 */
class ProgressTerminalTest {
    @TempDir
    static Path dir;
    private static Path dump;

    @BeforeAll
    static void setUp() throws Exception {
        boolean script = Files.isExecutable(Path.of("/usr/bin/script"));
        Assumptions.assumeTrue(script, () -> {
            System.out.println("ProgressTerminalTest: skipped: no /usr/bin/script to give the child a terminal");
            return "no script";
        });
        dump = LinkChainWriter.chain(dir.resolve("chain.hprof"), 8_000_000); // ~270 MB: a read pass long enough for a few updates
    }

    private static String onATerminal(String... args) throws Exception {
        List<String> options = new ArrayList<>(ChildJvm.LAUNCHER_OPTIONS);
        options.add("-Dheapchain.progressDelayMs=0");
        String command = String.join(" ", ChildJvm.command(options, args).stream().map(a -> "'" + a + "'").toList());
        Path log = dir.resolve("typescript.log");
        Process p = new ProcessBuilder("/usr/bin/script", "-qec", command, log.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("script.out").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not finish");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void showsThePhaseThePercentAndTheTimeLeftAFewTimesASecond() throws Exception {
        long start = System.nanoTime();
        String out = onATerminal("top", dump.toString(), "--limit", "1");
        double seconds = (System.nanoTime() - start) / 1e9;
        Matcher m = Pattern.compile("\rheapchain: ([a-z ,-]+)\\.\\.\\. ((\\d+)%, )?(about \\d+ (s|min) left in this phase, )?\\d+ s so far")
                .matcher(out);
        int updates = 0;
        boolean percent = false;
        List<String> phases = new ArrayList<>();
        while (m.find()) {
            updates++;
            percent |= m.group(3) != null;
            if (!phases.contains(m.group(1))) {
                phases.add(m.group(1));
            }
        }
        assertTrue(updates >= 1, "no progress line: " + out);
        assertTrue(updates <= seconds * 4 + 2, updates + " updates in " + seconds + " s: more than four a second");
        assertTrue(percent, "a pass over the dump shows its percent: " + phases + "\n" + out);
        assertTrue(out.contains("\r\u001b[K"), "the line is cleared at the end");
        assertTrue(out.contains("test.Link"), out);
    }

    @Test
    void quietIsSilent() throws Exception {
        String out = onATerminal("top", dump.toString(), "--limit", "1", "--quiet");
        assertFalse(out.contains("heapchain: "), out);
        assertTrue(out.contains("test.Link"), out);
    }
}
