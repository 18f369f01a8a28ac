package dev.heapchain.kafkait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Child processes of the tests: the JVM and class path they run on, runs to completion, signals. */
final class ChildProcesses {
    private ChildProcesses() {
    }

    static Path jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name);
    }

    /**
     * The test class path (Kafka 4.1.1, its log4j2 binding, these tests), as surefire hands it to
     * the forked test JVM; surefire's own java.class.path is only a manifest-only booter jar.
     */
    static String testClassPath() {
        String path = System.getProperty("surefire.test.class.path");
        return path != null ? path : System.getProperty("java.class.path");
    }

    /** Runs a command to its end, output to {@code log}; a run past {@code timeoutSeconds} is killed and fails. */
    static int run(List<String> command, Path log, long timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("still running after " + timeoutSeconds + " s: "
                        + String.join(" ", command) + "\n" + tail(log, 20));
            }
            return process.exitValue();
        } finally {
            process.destroyForcibly();
        }
    }

    /** For {@link #signal}; procps or util-linux ship it, but a minimal image may have neither. */
    static void assumeKill() {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "kafka-it skipped: no kill command to send SIGSTOP/SIGCONT");
    }

    /** kill -STOP / -CONT: Java has no API to send a signal other than TERM and KILL. */
    static void signal(long pid, String signal, Path log) throws IOException, InterruptedException {
        String kill = Files.isExecutable(Path.of("/bin/kill")) ? "/bin/kill" : "/usr/bin/kill";
        List<String> command = List.of(kill, "-" + signal, Long.toString(pid));
        int code = run(command, log, 10);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + code + "\n" + tail(log, 5));
        }
    }

    /** The last lines of a log, for failure messages; empty when there is no log yet. */
    static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
            return "--- last " + last.size() + " lines of " + log + " ---\n" + String.join("\n", last);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }
}
