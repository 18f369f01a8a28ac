package dev.heapchain.kafkait;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The heapchain CLI jar as CI runs it: {@code java -jar cli/target/heapchain.jar analyze DUMP --json -}. */
final class Heapchain {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private Heapchain() {
    }

    /** The shaded jar; the pom passes its path, and the heapchain-cli dependency builds it first in the reactor. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("heapchain.jar", "../cli/target/heapchain.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no CLI jar at " + jar
                    + "; build it with mvn -B -ntp install -DskipTests -pl analyzers,fixtures,cli");
        }
        return jar;
    }

    /** Runs analyze in its own JVM; stdout (the JSON) and stderr (progress) go to files beside the dump. */
    static Analysis analyze(Path dump) throws IOException, InterruptedException {
        Path out = dump.resolveSibling(dump.getFileName() + ".json");
        Path err = dump.resolveSibling(dump.getFileName() + ".stderr");
        List<String> command = List.of(ChildProcesses.jdkTool("java").toString(), "-jar", jar().toString(),
                "analyze", dump.toString(), "--json", "-");
        long dumpBytes = Files.size(dump);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("analyze still running after " + TIMEOUT_SECONDS + " s on " + dump);
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("analyze exited " + process.exitValue() + " on " + dump + "\n"
                        + ChildProcesses.tail(err, 30));
            }
            return new Analysis(MAPPER.readTree(out.toFile()), wall, dumpBytes);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
