package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.testing.DumpDamage;
import dev.heapchain.hprof.testing.LinkChainWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip dump is inflated once into --tmp for the graph commands; the copy goes when the command
 * ends, and also when the process is stopped mid-analysis (SIGTERM, as Process.destroy sends; the
 * JVM runs shutdown hooks for it and for Ctrl-C's SIGINT alike).
 */
class TempCleanupTest {
    @TempDir
    Path dir;
    @TempDir
    Path tmp;

    @Test
    void inflatedCopyIsDeletedAfterTheCommand() throws IOException {
        byte[] plain = Files.readAllBytes(TinyDumps.tiny(dir));
        Path gz = Files.write(dir.resolve("tiny.hprof.gz"), DumpDamage.gzip(plain));
        Cli r = Cli.run("top", gz.toString(), "--tmp", tmp.toString());
        assertEquals(0, r.code(), r::toString);
        CompressedDamageTest.assertEmpty(tmp);
        Cli missing = Cli.run("top", gz.toString(), "--tmp", dir.resolve("nope").toString());
        assertEquals(2, missing.code(), missing::toString);
    }

    @Test
    void inflatedCopyIsDeletedWhenTheProcessIsStopped() throws Exception {
        Path plain = LinkChainWriter.chain(dir.resolve("chain.hprof"), 3_000_000);
        Path gz = dir.resolve("chain.hprof.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
            Files.copy(plain, out);
        }
        Files.delete(plain);
        Path log = dir.resolve("child.log");
        Process p = ChildJvm.start(log, List.of("-Xmx1g", "-XX:+UseParallelGC"), "analyze", gz.toString(), "--tmp", tmp.toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (isEmpty(tmp) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(!isEmpty(tmp), "no inflated copy appeared in --tmp: " + Files.readString(log));
            Thread.sleep(300); // into the analysis, past the inflation
            assertTrue(p.isAlive(), "the analysis ended before it could be stopped: " + Files.readString(log));
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child did not stop on SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        CompressedDamageTest.assertEmpty(tmp);
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }
}
