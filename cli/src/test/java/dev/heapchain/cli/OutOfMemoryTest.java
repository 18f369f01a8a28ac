package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.testing.LinkChainWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Too little heap for the dump: one line that says how much to give, exit 1, no
 * OutOfMemoryError trace. A child JVM with a small -Xmx analyzes a 33 MB dump of a million objects.
 */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    @Test
    void tooSmallAHeapSaysHowMuchToGive() throws Exception {
        Path dump = LinkChainWriter.chain(dir.resolve("chain.hprof"), 1_000_000);
        Path log = dir.resolve("child.log");
        Process p = ChildJvm.start(log, List.of("-Xmx12m", "-XX:+UseSerialGC"), "analyze", dump.toString());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child did not finish");
        String out = Files.readString(log);
        assertEquals(1, p.exitValue(), out);
        assertFalse(out.contains("\tat ") || out.contains("java.lang.OutOfMemoryError"), out);
        Matcher m = Pattern.compile("heapchain: out of memory: .* rerun with HEAPCHAIN_JAVA_OPTS=-Xmx(\\d+)m").matcher(out);
        assertTrue(m.find(), out);
        long advisedMb = Long.parseLong(m.group(1));
        assertEquals(OutOfMemory.neededMb(Files.size(dump)), advisedMb, out);
        assertEquals(1, out.lines().count(), "one line: " + out);
    }

    @Test
    void pastTheBudgetArraysGoToFilesAndTheResultIsTheSame() throws Exception {
        Path dump = LinkChainWriter.chain(dir.resolve("chain.hprof"), 1_000_000);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        ChildJvm.Outcome free = ChildJvm.run(dir.resolve("free.log"), ChildJvm.LAUNCHER_OPTIONS, java.time.Duration.ofSeconds(60),
                "top", dump.toString(), "--limit", "5", "--json", dir.resolve("free.json").toString());
        assertEquals(0, free.exit(), free.toString());
        List<String> options = new java.util.ArrayList<>(ChildJvm.LAUNCHER_OPTIONS);
        options.add("-Dheapchain.nativeMemory=2m");
        ChildJvm.Outcome tight = ChildJvm.run(dir.resolve("tight.log"), options, java.time.Duration.ofSeconds(60),
                "top", dump.toString(), "--limit", "5", "--tmp", tmp.toString(), "--json", dir.resolve("tight.json").toString());
        assertEquals(0, tight.exit(), tight.toString());
        assertEquals(Files.readString(dir.resolve("free.json")), Files.readString(dir.resolve("tight.json")));
        assertFalse(free.output().contains("memory-mapped"), free.toString());
        Matcher note = Pattern.compile("heapchain: note: the engine's arrays did not fit the memory budget of 2,048 KB; up to "
                + "([\\d,]+) (KB|MB) of them were memory-mapped files in the temp folder, which is slower").matcher(tight.output());
        assertTrue(note.find(), tight.toString());
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count(), "nothing left in --tmp");
        }
    }

    @Test
    void withoutMemoryFilesTooSmallANativeBudgetSaysHowMuchToGive() throws Exception {
        Path dump = LinkChainWriter.chain(dir.resolve("chain.hprof"), 1_000_000);
        Path log = dir.resolve("child.log");
        Process p = ChildJvm.start(log, List.of("-Xmx256m", "-Dheapchain.nativeMemory=8m", "-Dheapchain.memoryFiles=false"),
                "analyze", dump.toString());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child did not finish");
        String out = Files.readString(log);
        assertEquals(1, p.exitValue(), out);
        assertFalse(out.contains("\tat ") || out.contains("java.lang.OutOfMemoryError"), out);
        Matcher m = Pattern.compile("heapchain: out of memory: the engine's arrays outside the Java heap exceeded their "
                + "budget of 8 MB for this dump \\(\\d+ MB uncompressed\\); rerun with "
                + "HEAPCHAIN_JAVA_OPTS=-Dheapchain.nativeMemory=(\\d+)m").matcher(out);
        assertTrue(m.find(), out);
        assertEquals(OutOfMemory.neededMb(Files.size(dump)), Long.parseLong(m.group(1)), out);
        assertEquals(1, out.lines().count(), "one line: " + out);
    }
}
