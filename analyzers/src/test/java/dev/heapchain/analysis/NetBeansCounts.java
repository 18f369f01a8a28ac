package dev.heapchain.analysis;

import org.netbeans.lib.profiler.heap.Heap;
import org.netbeans.lib.profiler.heap.HeapFactory;
import org.netbeans.lib.profiler.heap.JavaClass;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Instance counts per class name as NetBeans' heap library (lib.profiler) reads a dump. NetBeans
 * prints a hidden class with HotSpot's internal {@code +0x} address separator
 * ({@code Foo$$Lambda$14+0x0000000800c01000}); heapchain, like jcmd and jmap, with {@code /0x}.
 * The one naming difference is undone here so that the counts can be compared.
 */
final class NetBeansCounts {
    private static final Pattern HIDDEN_SUFFIX = Pattern.compile("\\+0x(\\p{XDigit}+)$");
    private NetBeansCounts() {
    }

    static Map<String, Long> of(File dump) throws IOException {
        Heap heap = HeapFactory.createHeap(dump);
        Map<String, Long> counts = new TreeMap<>();
        for (Object o : heap.getAllClasses()) {
            JavaClass c = (JavaClass) o;
            if (c.getInstancesCount() > 0) {
                counts.merge(HIDDEN_SUFFIX.matcher(c.getName()).replaceFirst("/0x$1"), (long) c.getInstancesCount(),
                        Long::sum);
            }
        }
        return counts;
    }
}
