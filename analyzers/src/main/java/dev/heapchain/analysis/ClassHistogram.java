package dev.heapchain.analysis;

import dev.heapchain.graph.SizeModel;

import java.util.List;

/**
 * Instances and shallow bytes per class, like {@code jmap -histo}, sorted by shallow bytes
 * (descending), then instances, then class name, so output is deterministic.
 *
 * @param classObjects class objects (CLASS_DUMP records); not counted as instances of
 *                     java.lang.Class since their size depends on VM internals HPROF omits
 */
public record ClassHistogram(DumpFacts dump, SizeModel sizeModel, List<Row> rows, long totalInstances,
                             long totalShallowBytes, long classObjects) {

    /** One class. {@code classId} is null for synthesised primitive-array classes. */
    public record Row(String className, Long classId, long instances, long shallowBytes) {
    }

    public ClassHistogram top(int n) {
        return n <= 0 || n >= rows.size() ? this
                : new ClassHistogram(dump, sizeModel, rows.subList(0, n), totalInstances, totalShallowBytes, classObjects);
    }
}
