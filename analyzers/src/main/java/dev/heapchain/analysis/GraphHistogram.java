package dev.heapchain.analysis;

import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link ClassHistogram} from a graph that is already built, so a report that has a
 * {@link HeapAnalysis} need not re-read the dump through {@link HistogramPass}. Sizes are the
 * graph's shallow sizes (the same size model), and the order is ClassHistogram's.
 */
public final class GraphHistogram {
    private GraphHistogram() {
    }

    public static ClassHistogram of(HeapAnalysis a, DumpFacts facts) {
        HeapGraph g = a.graph();
        int classes = g.classes().size();
        long[] instances = new long[classes];
        long[] bytes = new long[classes];
        long classObjects = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            if (g.isClassObject(v)) {
                // As HistogramPass: class objects are counted apart, their size is VM-internal.
                classObjects++;
                continue;
            }
            int c = g.classIndex(v);
            instances[c]++;
            bytes[c] += g.shallowSize(v);
        }
        List<ClassHistogram.Row> rows = new ArrayList<>();
        long totalInstances = 0;
        long totalBytes = 0;
        for (int c = 0; c < classes; c++) {
            if (instances[c] == 0) {
                continue;
            }
            HeapClass cls = g.classes().byIndex(c);
            rows.add(new ClassHistogram.Row(cls.name(), cls.id() < 0 ? null : cls.id(), instances[c], bytes[c]));
            totalInstances += instances[c];
            totalBytes += bytes[c];
        }
        rows.sort(Comparator.comparingLong(ClassHistogram.Row::shallowBytes).reversed()
                .thenComparing(Comparator.comparingLong(ClassHistogram.Row::instances).reversed())
                .thenComparing(ClassHistogram.Row::className)
                .thenComparing(r -> r.classId() == null ? 0 : r.classId()));
        return new ClassHistogram(facts, g.sizeModel(), List.copyOf(rows), totalInstances, totalBytes, classObjects);
    }
}
