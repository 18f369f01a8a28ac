package dev.heapchain.analysis;

import dev.heapchain.graph.GraphStats;
import dev.heapchain.graph.SizeModel;

/**
 * What the engine saw, for every report that uses it.
 *
 * @param nodes        objects in the graph: instances, arrays and class objects
 * @param classObjects the class objects among them, which a histogram counts apart (it has no row
 *                     for java.lang.Class, whose instances' size is VM-internal)
 * @param reachableObjects objects reachable from GC roots
 * @param unreachableObjects objects no root reaches: left out of retained sizes
 */
public record EngineSummary(DumpFacts dump, SizeModel sizeModel, long nodes, long classObjects, long edges,
                            long reachableObjects, long unreachableObjects, long reachableBytes, GraphStats stats) {

    public static EngineSummary of(HeapAnalysis a) {
        var g = a.graph();
        DumpFacts facts = DumpFacts.of(g.file(), g.summary(), g.summary().counts().classDumps(), g.classes().warnings());
        long reachable = a.dominators().reachableCount();
        long classObjects = 0;
        for (int v = 0, n = g.nodeCount(); v < n; v++) {
            classObjects += g.isClassObject(v) ? 1 : 0;
        }
        return new EngineSummary(facts, g.sizeModel(), g.nodeCount(), classObjects, g.edgeCount(), reachable,
                g.nodeCount() - reachable, a.dominators().reachableBytes(), g.stats());
    }
}
