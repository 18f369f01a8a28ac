package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.testing.DumpDamage;
import dev.heapchain.hprof.testing.LinkChainWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --tmp on a file system that is nearly full: an 8 MB tmpfs, mounted in a private mount namespace
 * (unshare -rm: root, or an unprivileged user where user namespaces are allowed) that lives as
 * long as the child. Skipped with a notice where that cannot be made. The command still gives its
 * result, with one line that names the folder and the space needed, and leaves the folder empty.
 */
class FullTempFolderTest {
    private static final String MOUNT = "mount -t tmpfs -o size=8m tmpfs \"$0\" || exit 97\n";

    @TempDir
    static Path dir;
    private static Path mountPoint;
    private static byte[] plain;

    @BeforeAll
    static void setUp() throws Exception {
        mountPoint = Files.createDirectories(dir.resolve("small-tmp"));
        boolean ok;
        String why;
        try {
            Process probe = new ProcessBuilder("unshare", "-rm", "sh", "-c", MOUNT, mountPoint.toString())
                    .redirectErrorStream(true).start();
            ok = probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
            why = ok ? "" : new String(probe.getInputStream().readAllBytes()).trim();
            probe.destroyForcibly();
        } catch (IOException | RuntimeException e) {
            ok = false;
            why = "no unshare: " + e.getMessage();
        }
        String reason = why;
        Assumptions.assumeTrue(ok, () -> {
            System.out.println("FullTempFolderTest: skipped: cannot mount a small tmpfs here (" + reason + ")");
            return "no tmpfs";
        });
        plain = Files.readAllBytes(LinkChainWriter.chain(dir.resolve("chain.hprof"), 600_000)); // 20 MB
    }

    /** The child's output, then "left: " and whatever the run left in the tmpfs. */
    private static String runInSmallTmp(String... args) throws IOException, InterruptedException {
        return runInSmallTmp(ChildJvm.LAUNCHER_OPTIONS, 0, args);
    }

    private static String runInSmallTmp(List<String> jvmOptions, int exit, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("unshare", "-rm", "sh", "-c",
                MOUNT + "\"$@\"\nrc=$?\necho \"left: $(ls -A \"$0\")\"\nexit $rc\n", mountPoint.toString()));
        List<String> cli = new ArrayList<>(List.of(args));
        cli.addAll(List.of("--tmp", mountPoint.toString()));
        command.addAll(ChildJvm.command(jvmOptions, cli.toArray(String[]::new)));
        Path log = dir.resolve("child.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child did not finish");
        String out = Files.readString(log);
        assertEquals(exit, p.exitValue(), out);
        assertTrue(out.lines().anyMatch(l -> l.equals("left: ")), "files left in the full --tmp: " + out);
        return out;
    }

    @Test
    void aGzipThatWillNotFitIsReadOnEveryPassInstead() throws Exception {
        Path gz = Files.write(dir.resolve("one.hprof.gz"), DumpDamage.gzip(plain));
        String out = runInSmallTmp("analyze", gz.toString());
        assertTrue(out.contains("heapchain: warning: the temp folder " + mountPoint + " has room for "), out);
        assertTrue(out.contains(", and the inflated dump needs about " + (plain.length >> 20) + " MB (by the gzip trailer): reading the gzip file on"
                + " every pass instead, which is slower (give --tmp a folder with more room)"), out);
        assertEquals(1, out.lines().filter(l -> l.startsWith("heapchain: warning:")).count(), out);
    }

    @Test
    void aGzipThatSaysNothingOfItsSizeStopsWhereTheRoomEnds() throws Exception {
        Path gz = Files.write(dir.resolve("chunked.hprof.gz"), DumpDamage.gzipChunked(plain));
        String out = runInSmallTmp("analyze", gz.toString());
        assertTrue(out.contains("heapchain: warning: the temp folder " + mountPoint + " has room for "), out);
        assertTrue(out.contains(", and the inflated dump needs more; the partial copy is removed: reading the gzip file on"
                + " every pass instead"), out);
        assertTrue(out.contains("test.Link") || out.contains("not applicable") || out.contains("VERDICT"), out);
    }

    @Test
    void arraysThatDoNotFitStayInMemory() throws Exception {
        // 2.2 million objects: the engine's arrays pass the 8 MB spill minimum and the 8 MB tmpfs's room.
        Path big = LinkChainWriter.chain(dir.resolve("spill.hprof"), 2_200_000);
        String out = runInSmallTmp("top", big.toString(), "--limit", "1");
        assertTrue(out.contains("test.Link"), out);
        Files.delete(big);
    }

    @Test
    void arraysPastTheBudgetWithNoRoomForTheirFilesEndInOneLine() throws Exception {
        // A 1 MB budget: the arrays go to files, until one does not fit the tmpfs's room.
        Path big = LinkChainWriter.chain(dir.resolve("overflow.hprof"), 2_200_000);
        List<String> options = new ArrayList<>(ChildJvm.LAUNCHER_OPTIONS);
        options.add("-Dheapchain.nativeMemory=1m");
        String out = runInSmallTmp(options, 1, "top", big.toString(), "--limit", "1");
        List<String> said = out.lines().filter(l -> !l.startsWith("left: ")).toList();
        assertEquals(1, said.size(), out);
        assertTrue(said.get(0).startsWith("heapchain: out of memory: the engine's arrays exceeded their memory budget of "
                + "1,024 KB, and the temp folder " + mountPoint + " has room for "), out);
        assertTrue(said.get(0).endsWith(" more they need as files; give --tmp a folder with more room"), out);
        Files.delete(big);
    }
}
