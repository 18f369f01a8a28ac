package dev.heapchain.analysis;

import com.sun.management.HotSpotDiagnosticMXBean;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Dumps this JVM's live heap and, right after, takes the JVM's own class histogram
 * ({@code jcmd GC.class_histogram}): the truth to compare heapchain with. Runs in the test JVM,
 * and as a main class in forked JVMs started with other flags (compressed oops off, 16-byte
 * alignment), which write both results to files.
 */
public final class SelfDump {
    /** Kept reachable so that the dump and the histogram both hold the zoo. */
    static volatile List<Object> keep;

    private SelfDump() {
    }

    /** Writes the dump to {@code dump}; answers the histogram text. */
    static synchronized String write(Path dump) throws Exception {
        keep = LayoutZoo.build();
        HotSpotDiagnosticMXBean diagnostic = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        ObjectName command = new ObjectName("com.sun.management:type=DiagnosticCommand");
        Object[] noArguments = {new String[0]};
        String[] signature = {String[].class.getName()};
        // A first round loads the classes and fills the caches that both calls use, so that the
        // measured round allocates as little as possible between the dump and the histogram.
        Path warmUp = dump.resolveSibling("warm-up-" + dump.getFileName());
        diagnostic.dumpHeap(warmUp.toString(), true);
        Files.delete(warmUp);
        ManagementFactory.getPlatformMBeanServer().invoke(command, "gcClassHistogram", noArguments, signature);

        diagnostic.dumpHeap(dump.toString(), true);
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(command, "gcClassHistogram", noArguments,
                signature);
    }

    /** {@code SelfDump DUMP HISTOGRAM}: for forked JVMs. */
    public static void main(String[] args) throws Exception {
        String histogram = write(Path.of(args[0]));
        Files.writeString(Path.of(args[1]), histogram);
    }
}
