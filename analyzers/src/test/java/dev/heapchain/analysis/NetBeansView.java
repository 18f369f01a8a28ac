package dev.heapchain.analysis;

import dev.heapchain.graph.HeapGraph;
import org.netbeans.lib.profiler.heap.Heap;
import org.netbeans.lib.profiler.heap.HeapFactory;
import org.netbeans.lib.profiler.heap.Instance;
import org.netbeans.lib.profiler.heap.JavaClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * What NetBeans' heap library says about each node of a heapchain graph: shallow size, retained
 * size and nearest-GC-root path length (of instances and arrays; -2 where not looked up), in
 * heapchain node order.
 */
final class NetBeansView {
    static final int UNREACHABLE = -1;
    static final int ABSENT = -2;

    final boolean[] isInstance;
    final long[] size;
    final long[] retained;
    final int[] depth;
    int instances;

    NetBeansView(Heap heap, HeapGraph g, int stride) {
        int n = g.nodeCount();
        isInstance = new boolean[n];
        size = new long[n];
        retained = new long[n];
        depth = new int[n];
        java.util.Arrays.fill(depth, ABSENT);
        int k = 0;
        for (Iterator<?> it = heap.getAllInstancesIterator(); it.hasNext(); k++) {
            Instance i = (Instance) it.next();
            int v = g.node(i.getInstanceId());
            if (v < 0) {
                throw new AssertionError("NetBeans has an object heapchain lacks: 0x" + Long.toHexString(i.getInstanceId()));
            }
            isInstance[v] = true;
            instances++;
            size[v] = i.getSize();
            retained[v] = i.getRetainedSize();
            if (k % stride == 0) {
                depth[v] = depthOf(i);
            }
        }
        for (Object o : heap.getAllClasses()) {
            Instance c = heap.getInstanceByID(((JavaClass) o).getJavaClassId());
            int v = c == null ? -1 : g.node(c.getInstanceId());
            if (v >= 0) {
                // No path length: NetBeans links a class to one instance only (the first of that
                // class its search meets, NearestGCRoot.writeClassConnection), not to every one,
                // and its class objects came out up to 2 steps deeper than a BFS over all links.
                retained[v] = c.getRetainedSize();
            }
        }
    }

    /** Opens a dump with NetBeans; it writes a cache folder next to the file, so pass a copy. */
    static Heap open(Path copy) {
        try {
            return HeapFactory.createHeap(copy.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Steps along getNearestGCRootPointer() until a GC root; -1 when the chain ends first. */
    static int depthOf(Instance i) {
        int d = 0;
        for (Instance p = i; !p.isGCRoot(); d++) {
            p = p.getNearestGCRootPointer();
            if (p == null) {
                return UNREACHABLE;
            }
        }
        return d;
    }
}
