package dev.heapchain.analysis;

import dev.heapchain.graph.GraphStats;
import dev.heapchain.graph.SizeModel;

/**
 * What the engine saw, for every report that uses it.
 *
 * @param reachableObjects objects reachable from GC roots
 * @param unreachableObjects objects no root reaches: left out of retained sizes
 */
public record EngineSummary(DumpFacts dump, SizeModel sizeModel, long nodes, long edges, long reachableObjects,
                            long unreachableObjects, long reachableBytes, GraphStats stats) {

    public static EngineSummary of(HeapAnalysis a) {
        var g = a.graph();
        DumpFacts facts = DumpFacts.of(g.file(), g.summary(), g.summary().counts().classDumps(), g.classes().warnings());
        long reachable = a.dominators().reachableCount();
        return new EngineSummary(facts, g.sizeModel(), g.nodeCount(), g.edgeCount(), reachable,
                g.nodeCount() - reachable, a.dominators().reachableBytes(), g.stats());
    }
}
