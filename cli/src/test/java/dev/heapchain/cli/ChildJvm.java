package dev.heapchain.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The CLI in a child JVM with the test's class path, for what only a real process shows: exit, signals, heap limits, memory. */
final class ChildJvm {
    /**
     * The launcher's default options (the heapchain script): the memory a user's run gets, so a
     * bound on a child's memory is a bound on theirs.
     */
    static final List<String> LAUNCHER_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmn16m", "-XX:MaxRAMPercentage=25");

    private ChildJvm() {
    }

    static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
        return new ProcessBuilder(command(jvmOptions, args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The java command line that runs the CLI with {@code args}. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"); // as the jar's manifest does
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * How a finished child went.
     *
     * @param peakRssKiB the most resident memory it had (VmHWM), or -1 where /proc cannot say
     */
    record Outcome(int exit, String output, double seconds, long peakRssKiB) {
        @Override
        public String toString() {
            return "exit " + exit + " after " + String.format("%.1f", seconds) + " s, peak RSS "
                    + (peakRssKiB < 0 ? "unknown" : (peakRssKiB >> 10) + " MB") + "\n--- output:\n" + output;
        }
    }

    /** Runs the CLI to its end (killed past {@code limit}), watching its peak resident memory meanwhile. */
    static Outcome run(Path log, List<String> jvmOptions, Duration limit, String... args) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = start(log, jvmOptions, args);
        long peak = -1;
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long deadline = start + limit.toNanos();
        try {
            while (!p.waitFor(5, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                peak = Math.max(peak, peakRssKiB(status));
            }
        } finally {
            p.destroyForcibly();
        }
        p.waitFor();
        return new Outcome(p.exitValue(), Files.readString(log), (System.nanoTime() - start) / 1e9, peak);
    }

    /** VmHWM of a running process in KiB: it only grows, so the last reading before exit is the peak so far. */
    private static long peakRssKiB(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone already, or no /proc: no reading.
        }
        return -1;
    }
}
