package dev.heapchain.analysis;

/**
 * What the dominator algorithm needs of a graph: nodes 0..n-1, outgoing edges by index range, and
 * the roots (successors of the virtual root). Implemented by the heap graph and by views that
 * contract groups of objects into one node.
 */
interface Digraph {
    int nodeCount();

    /** Root nodes, ascending, each once. */
    int[] roots();

    /** First edge index of a node; edges of node v are [edgeStart(v), edgeEnd(v)). */
    long edgeStart(int v);

    long edgeEnd(int v);

    int target(long edge);

    /** One more successor that has no edge index (the heap's implicit instance-to-class edge), or -1. */
    default int extraTarget(int v) {
        return -1;
    }

    /** Shallow size of a node in bytes (0 for virtual nodes). */
    long size(int v);

    /** The sum of all sizes in 8-byte units when every size is a multiple of 8, else -1. */
    default long totalSizeUnits() {
        long total = 0;
        for (int v = 0, n = nodeCount(); v < n; v++) {
            long size = size(v);
            if ((size & 7) != 0) {
                return -1;
            }
            total += size >>> 3;
        }
        return total;
    }
}
