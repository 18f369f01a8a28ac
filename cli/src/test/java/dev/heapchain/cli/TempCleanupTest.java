package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.testing.DumpDamage;
import dev.heapchain.hprof.testing.LinkChainWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip dump is inflated once into --tmp for the graph commands, and big arrays wait there off the
 * memory peak. Each such file loses its name the moment it is open (ScratchFile), so the folder
 * looks empty while the command runs and is empty after it however it ends: normally, on SIGTERM
 * (what Process.destroy sends; Ctrl-C's SIGINT runs the same shutdown hooks) and on SIGKILL or
 * the out-of-memory killer, which run nothing at all.
 */
class TempCleanupTest {
    @TempDir
    static Path dir;
    @TempDir
    Path tmp;
    private static Path gz;

    @BeforeAll
    static void dump() throws IOException {
        Path plain = LinkChainWriter.chain(dir.resolve("chain.hprof"), 3_000_000);
        gz = dir.resolve("chain.hprof.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
            Files.copy(plain, out);
        }
        Files.delete(plain);
    }

    @Test
    void inflatedCopyIsDeletedAfterTheCommand() throws IOException {
        byte[] plain = Files.readAllBytes(TinyDumps.tiny(dir));
        Path tiny = Files.write(dir.resolve("tiny.hprof.gz"), DumpDamage.gzip(plain));
        Cli r = Cli.run("top", tiny.toString(), "--tmp", tmp.toString());
        assertEquals(0, r.code(), r::toString);
        CompressedDamageTest.assertEmpty(tmp);
        Cli missing = Cli.run("top", tiny.toString(), "--tmp", dir.resolve("nope").toString());
        assertEquals(2, missing.code(), missing::toString);
    }

    @Test
    void nothingIsLeftWhenTheProcessIsStopped() throws Exception {
        stopMidAnalysis(false);
    }

    @Test
    void nothingIsLeftWhenTheProcessIsKilled() throws Exception {
        stopMidAnalysis(true);
    }

    private void stopMidAnalysis(boolean kill) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), () -> {
            System.out.println("TempCleanupTest: skipped: no /proc/<pid>/fd to see the child's open files");
            return "no /proc";
        });
        Path log = dir.resolve("child.log");
        Process p = ChildJvm.start(log, List.of("-Xmx1g", "-XX:+UseParallelGC"), "analyze", gz.toString(), "--tmp", tmp.toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<String> open = List.of();
            while (open.isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                open = unlinkedFilesOpenIn(p, tmp);
            }
            assertTrue(!open.isEmpty(), "the child never held a file in --tmp: " + Files.readString(log));
            CompressedDamageTest.assertEmpty(tmp); // open, written, and yet without a name
            Thread.sleep(300); // into the analysis, past the inflation
            assertTrue(p.isAlive(), "the analysis ended before it could be stopped: " + Files.readString(log));
            if (kill) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child did not stop");
            System.out.println("TempCleanupTest: " + (kill ? "SIGKILL" : "SIGTERM") + " while the child held " + open);
        } finally {
            p.destroyForcibly();
        }
        CompressedDamageTest.assertEmpty(tmp);
    }

    /** Files in {@code folder} the process has open that have no name any more (Linux: "(deleted)" links). */
    static List<String> unlinkedFilesOpenIn(Process p, Path folder) {
        List<String> found = new ArrayList<>();
        try (var fds = Files.list(Path.of("/proc", Long.toString(p.pid()), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith(folder + "/heapchain-") && target.endsWith(" (deleted)")) {
                        found.add(target.substring(folder.toString().length() + 1));
                    }
                } catch (IOException e) {
                    // Closed meanwhile.
                }
            }
        } catch (IOException e) {
            // The process is gone.
        }
        return found;
    }
}
