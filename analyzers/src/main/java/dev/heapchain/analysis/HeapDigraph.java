package dev.heapchain.analysis;

import dev.heapchain.graph.HeapGraph;

/** The heap graph itself as a {@link Digraph}. */
final class HeapDigraph implements Digraph {
    private final HeapGraph graph;

    HeapDigraph(HeapGraph graph) {
        this.graph = graph;
    }

    @Override
    public int nodeCount() {
        return graph.nodeCount();
    }

    @Override
    public int[] roots() {
        return graph.roots().distinctNodes();
    }

    @Override
    public long edgeStart(int v) {
        return graph.outStart(v);
    }

    @Override
    public long edgeEnd(int v) {
        return graph.outEnd(v);
    }

    @Override
    public int target(long edge) {
        return graph.target(edge);
    }

    @Override
    public int extraTarget(int v) {
        return graph.classEdge(v);
    }

    @Override
    public long size(int v) {
        return graph.shallowSize(v);
    }

    @Override
    public long totalSizeUnits() {
        return graph.totalShallowUnits(); // sizes are kept in 8-byte units
    }
}
