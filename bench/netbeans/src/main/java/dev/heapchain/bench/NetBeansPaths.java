package dev.heapchain.bench;

import org.netbeans.lib.profiler.heap.Heap;
import org.netbeans.lib.profiler.heap.HeapFactory;
import org.netbeans.lib.profiler.heap.Instance;
import org.netbeans.lib.profiler.heap.JavaClass;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What `heapchain paths DUMP --class C` computes, done with the NetBeans profiler library: for
 * every instance of one class, its retained size and the length of its nearest-GC-root path.
 *
 * <pre>java -jar netbeans-paths.jar DUMP [CLASS] [OUT.tsv]</pre>
 *
 * Writes one line per instance to OUT (id in hex, retained bytes, path length in references, -1
 * when unreachable) for bench/engine.sh to compare with heapchain, and prints the time of each
 * step. NetBeans writes its index next to the dump (DUMP.nbcache), so the caller should pass a
 * symlink in a directory it deletes afterwards.
 */
public final class NetBeansPaths {
    /** Far longer than any real path; only guards against a cycle in the pointers. */
    private static final int MAX_DEPTH = 1_000_000;

    private NetBeansPaths() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: NetBeansPaths DUMP [CLASS] [OUT.tsv]");
            System.exit(2);
        }
        File dump = new File(args[0]);
        String className = args.length > 1 ? args[1] : "org.apache.kafka.timeline.Snapshot";
        Path out = Path.of(args.length > 2 ? args[2] : "/dev/null");

        long start = System.nanoTime();
        Heap heap = HeapFactory.createHeap(dump);
        step("open (index the dump)", start);
        JavaClass javaClass = heap.getJavaClassByName(className);
        if (javaClass == null) {
            System.err.println("no class " + className + " in " + dump);
            System.exit(3);
        }
        @SuppressWarnings("unchecked")
        List<Instance> instances = javaClass.getInstances();
        step("instances of " + className + ": " + instances.size(), start);

        long retainedTotal = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (int i = 0; i < instances.size(); i++) {
                Instance instance = instances.get(i);
                // The first call computes the nearest-GC-root pointers and the dominator tree of
                // the whole heap; later calls look them up.
                long retained = instance.getRetainedSize();
                retainedTotal += retained;
                int depth = depth(instance);
                w.printf("0x%x\t%d\t%d%n", instance.getInstanceId(), retained, depth);
                if (i == 0) {
                    step("first instance (retained sizes of the whole heap)", start);
                }
            }
        }
        step("all instances: retained sizes and root paths", start);
        System.out.printf("retained total: %d bytes%n", retainedTotal);
        System.out.printf("wall: %.2f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** References from the nearest GC root to the instance; 0 for a root, -1 when unreachable. */
    private static int depth(Instance instance) {
        Instance current = instance;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            if (current.isGCRoot()) {
                return depth;
            }
            current = current.getNearestGCRootPointer();
            if (current == null) {
                return -1;
            }
        }
        return -1;
    }

    private static void step(String what, long start) {
        System.out.printf("%7.2f s  %s%n", (System.nanoTime() - start) / 1e9, what);
        System.out.flush();
    }
}
