package dev.heapchain.analysis;

import java.util.List;

/**
 * What a report shows about the heap as a whole, beside its own subject: the largest objects by
 * retained size and the class histogram, both from the graph already built (no second read).
 */
public record HeapOverview(List<ObjectReport> topObjects, ClassHistogram histogram) {

    public static HeapOverview of(PathRenderer paths, EngineSummary s, int topObjects) {
        return new HeapOverview(TopObjects.of(paths, topObjects), GraphHistogram.of(paths.analysis(), s.dump()));
    }
}
