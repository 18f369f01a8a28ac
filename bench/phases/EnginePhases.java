import com.sun.management.OperatingSystemMXBean;
import dev.heapchain.analysis.AnalysisOptions;
import dev.heapchain.analysis.GcRootPaths;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.analysis.TopObjects;
import dev.heapchain.analysis.ValuePolicy;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.hprof.HprofFile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the engine's time and heap go: runs what `heapchain top DUMP --limit 10` runs and prints,
 * per phase (the names the engine reports to its progress line), wall time, process CPU time and
 * the peak of the Java heap during the phase (pool peaks, reset at each phase start). A bench
 * harness, not part of the CLI:
 *
 * <pre>java [JVM options] -cp cli/target/heapchain.jar bench/phases/EnginePhases.java DUMP</pre>
 *
 * Java's source-file mode compiles this before main starts, so the compile is not in the times.
 */
public final class EnginePhases {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final long START = System.nanoTime();
    private static final double MIB = 1024.0 * 1024.0;

    private static String phase = "start";
    private static long phaseWall = START;
    private static long phaseCpu = OS.getProcessCpuTime();

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: EnginePhases DUMP");
            System.exit(2);
        }
        System.out.printf("%-34s %8s %8s %8s %14s%n", "phase", "end s", "wall s", "cpu s", "peak heap MiB");
        mark("opening the dump");
        HeapAnalysis a = HeapAnalysis.run(HprofFile.open(Path.of(args[0])), AnalysisOptions.defaults().withProgress(EnginePhases::mark));
        mark("top 10 (retained sizes, paths)");
        List<?> top = TopObjects.of(new PathRenderer(a, ValuePolicy.REDACTED), 10);
        mark("done");
        System.out.printf("top objects: %d; JVM uptime at the end %.2f s%n", top.size(),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);

        // What the result holds, from the arrays' lengths (see HeapGraph, DominatorTree, GcRootPaths).
        HeapGraph g = a.graph();
        long n = g.nodeCount();
        long e = g.edgeCount();
        System.out.printf("objects (nodes) %,d, references (edges) %,d%n", n, e);
        System.out.printf("graph arrays: class 4 B, size 2 B, edge start 4 B per node, 10 B x n = %.0f MiB; "
                + "target + label per edge, 6 B x e = %.0f MiB; id index about 4-8 B x n = %.0f-%.0f MiB%n",
                10 * n / MIB, 6 * e / MIB, 4 * n / MIB, 8 * n / MIB);
        System.out.printf("paths: 4 B x n = %.0f MiB; dominator tree: pre, idom, retained, 12 B x n = %.0f MiB%n",
                4 * n / MIB, 12 * n / MIB);

        // The breadth-first search alone, for its share of the parallel phase. The analysis goes
        // first, so that its paths and dominator tree make room under a tight -Xmx.
        a = null;
        top = null;
        long wall = System.nanoTime();
        long cpu = OS.getProcessCpuTime();
        GcRootPaths.compute(g);
        System.out.printf("breadth-first search alone (again, after the run): wall %.2f s, cpu %.2f s%n",
                (System.nanoTime() - wall) / 1e9, (OS.getProcessCpuTime() - cpu) / 1e9);
    }

    private static void mark(String next) {
        long now = System.nanoTime();
        long cpu = OS.getProcessCpuTime();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                pool.resetPeakUsage();
            }
        }
        if (!phase.equals("start")) {
            System.out.printf("%-34s %8.2f %8.2f %8.2f %14.0f%n", phase, (now - START) / 1e9, (now - phaseWall) / 1e9,
                    (cpu - phaseCpu) / 1e9, peak / MIB);
        }
        phase = next;
        phaseWall = now;
        phaseCpu = cpu;
    }
}
