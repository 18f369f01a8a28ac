package dev.heapchain.kafkait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Heap dumps of a running node with the JDK's jcmd, and their clean-up. */
final class HeapDumps {
    /**
     * -Dkafka-it.keep-dumps=DIR copies each dump there (as CASE.hprof, replacing an older one)
     * before it is deleted, for trying the analyzer by hand on real Kafka dumps.
     */
    static final String KEEP_PROPERTY = "kafka-it.keep-dumps";

    private HeapDumps() {
    }

    /** What every test here needs and cannot provide itself: the JDK's jcmd beside the java running the tests. */
    static void assumeJcmd() {
        Path jcmd = ChildProcesses.jdkTool("jcmd");
        assumeTrue(Files.isExecutable(jcmd), "kafka-it skipped: no jcmd at " + jcmd + " (a JRE, not a JDK, runs the tests)");
    }

    /**
     * jcmd PID GC.heap_dump FILE: a full GC first, so the dump holds live objects only (what the
     * analyzer reads anyway, and far smaller).
     */
    static Path dump(long pid, Path file) throws IOException, InterruptedException {
        Path log = file.resolveSibling(file.getFileName() + ".jcmd.log");
        List<String> command = List.of(ChildProcesses.jdkTool("jcmd").toString(), Long.toString(pid),
                "GC.heap_dump", file.toString());
        if (Files.exists(file)) {
            throw new IllegalStateException("a dump is already at " + file);
        }
        int code = ChildProcesses.run(command, log, 60);
        String output = Files.readString(log);
        Files.delete(log);
        // jcmd exits 0 when the target JVM fails the dump ("Unable to create ...: File exists"),
        // so its own success line and the file are the evidence.
        if (code != 0 || !output.contains("Heap dump file created") || !Files.isRegularFile(file) || Files.size(file) == 0) {
            throw new IllegalStateException("jcmd " + pid + " GC.heap_dump exited " + code + ", no dump at " + file + ":\n" + output);
        }
        return file;
    }

    /** Deletes a dump, first copying it to the keep directory when one is set. */
    static void discard(Path dump, String caseName) {
        try {
            String keep = System.getProperty(KEEP_PROPERTY, "");
            if (!keep.isBlank() && Files.exists(dump)) {
                Path dir = Files.createDirectories(Path.of(keep));
                Files.copy(dump, dir.resolve(caseName + ".hprof"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(dump);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot discard " + dump, e);
        }
    }
}
