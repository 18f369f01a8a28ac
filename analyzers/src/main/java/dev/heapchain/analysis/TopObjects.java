package dev.heapchain.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** The objects with the largest retained sizes, each with its path from a GC root. */
public final class TopObjects {
    private TopObjects() {
    }

    public static List<ObjectReport> of(PathRenderer paths, int limit) {
        HeapAnalysis a = paths.analysis();
        DominatorTree d = a.dominators();
        int n = a.graph().nodeCount();
        // Min-heap on (retained, then larger id first out) keeps the top `limit` with id tie-breaks.
        PriorityQueue<long[]> heap = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
                : Long.compareUnsigned(y[1], x[1]));
        for (int v = 0; v < n; v++) {
            long r = d.retainedSize(v);
            if (r <= 0) {
                continue;
            }
            if (heap.size() < limit) {
                heap.add(new long[]{r, a.graph().id(v), v});
            } else {
                long[] min = heap.peek();
                if (r > min[0] || r == min[0] && Long.compareUnsigned(a.graph().id(v), min[1]) < 0) {
                    heap.poll();
                    heap.add(new long[]{r, a.graph().id(v), v});
                }
            }
        }
        List<long[]> sorted = new ArrayList<>(heap);
        sorted.sort((x, y) -> x[0] != y[0] ? Long.compare(y[0], x[0]) : Long.compareUnsigned(x[1], y[1]));
        List<ObjectReport> out = new ArrayList<>();
        for (long[] e : sorted) {
            out.add(report(paths, (int) e[2]));
        }
        return out;
    }

    public static ObjectReport report(PathRenderer paths, int v) {
        HeapAnalysis a = paths.analysis();
        return new ObjectReport(a.graph().id(v), paths.displayClass(v), a.graph().shallowSize(v),
                a.dominators().retainedSize(v), paths.pathTo(v));
    }
}
