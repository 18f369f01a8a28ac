package dev.heapchain.analysis;

import dev.heapchain.graph.HeapGraph;
import dev.heapchain.graph.HeapGraphBuilder;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.util.Tasks;
import dev.heapchain.util.Trace;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The engine's results on one dump: graph, shortest GC-root paths and the dominator tree, with
 * retained sizes of objects and of sets. Paths and dominators are independent, so they run on two
 * threads. How paths are shown is {@link PathRenderer}'s; what is read back from the dump later
 * (strings, thread names, stacks) is {@link #reads()}'.
 */
public final class HeapAnalysis {
    private final HeapGraph graph;
    private final GcRootPaths paths;
    private final DominatorTree dominators;
    private final DumpReads reads;
    private volatile SetRetention setRetention;

    private HeapAnalysis(HeapGraph graph, GcRootPaths paths, DominatorTree dominators) {
        this.graph = graph;
        this.paths = paths;
        this.dominators = dominators;
        this.reads = new DumpReads(graph);
    }

    /** Builds the graph of {@code options.dump()}, then runs the engine on it. */
    public static HeapAnalysis run(HprofFile file, AnalysisOptions options) {
        HeapGraph graph = new HeapGraphBuilder(file, options.dump()).keepWeak(options.keepWeak())
                .capture(options.capture()).progress(options.progress()).build();
        return of(graph, options);
    }

    /**
     * The engine on a graph already built: of the options, {@link AnalysisOptions#setQueries} and
     * {@link AnalysisOptions#progress} apply (the others were the graph build's).
     */
    public static HeapAnalysis of(HeapGraph graph, AnalysisOptions options) {
        Consumer<String> progress = options.progress();
        progress.accept("computing paths and dominators");
        // What the dominators (pre, parent, predecessor offsets, the lists) and the search (its
        // edge column) hold at their common peak. When that does not fit beside the graph, the
        // graph goes to files first, so that these arrays, read at random, are the ones in memory.
        long moved = graph.makeRoom(16L * graph.nodeCount() + 4L * graph.edgeCount());
        if (moved > 0) {
            Trace.mark("graph moved to files: " + (moved >> 20) + " MiB");
        }
        // The other core moves the ids and labels to temporary files (neither search reads them;
        // that takes them off the dominators' memory peak), then runs the breadth-first search
        // beside the dominators and moves its result to a temporary file as soon as it is done,
        // for the same reason.
        CompletableFuture<GcRootPaths> paths = Tasks.start(() -> {
            graph.spillLookups();
            Trace.mark("lookups spilled");
            GcRootPaths p = GcRootPaths.compute(graph);
            p.spill(graph.file().tempFolder());
            Trace.mark("bfs spilled");
            return p;
        });
        try {
            DominatorTree dominators = Dominators.compute(new HeapDigraph(graph), options.setQueries(),
                    graph.file().tempFolder(), options.progress() instanceof dev.heapchain.util.ProgressMeter m ? m : null);
            GcRootPaths p = Tasks.join(paths);
            p.restore();
            return new HeapAnalysis(graph, p, dominators);
        } finally {
            paths.exceptionally(e -> null).join(); // no restore under a running search
            graph.restoreLookups();
            Trace.mark("lookups restored");
        }
    }

    public HeapGraph graph() {
        return graph;
    }

    public GcRootPaths paths() {
        return paths;
    }

    public DominatorTree dominators() {
        return dominators;
    }

    /** Reading back from the dump what the graph does not hold; each read done once for all reports. */
    public DumpReads reads() {
        return reads;
    }

    /**
     * What each group retains as a whole: the bytes that become unreachable when all its members go,
     * including objects that no single member dominates. Groups may overlap between calls (epochs,
     * chains); within one call each node belongs to at most one group.
     *
     * @param groupOf group of each node (0..groups-1), or -1
     */
    public long[] retainedSizesOfGroups(int[] groupOf, int groups) {
        int[] count = new int[groups + 1];
        for (int g : groupOf) {
            if (g >= 0) {
                count[g + 1]++;
            }
        }
        for (int g = 0; g < groups; g++) {
            count[g + 1] += count[g];
        }
        int[] members = new int[count[groups]];
        int[] fill = java.util.Arrays.copyOf(count, groups);
        for (int v = 0; v < groupOf.length; v++) {
            if (groupOf[v] >= 0) {
                members[fill[groupOf[v]]++] = v;
            }
        }
        long[] out = new long[groups];
        for (int g = 0; g < groups; g++) {
            out[g] = retainedSizeOfSet(java.util.Arrays.copyOfRange(members, count[g], count[g + 1]));
        }
        return out;
    }

    /** Retained size of one set of objects (see {@link #retainedSizesOfGroups}). */
    public long retainedSizeOfSet(int[] nodes) {
        return retainedSizeOfSet(nodes, null);
    }

    /** Retained size of a set, handing every retained node (members included) to {@code retained}. */
    public synchronized long retainedSizeOfSet(int[] nodes, java.util.function.IntConsumer retained) {
        return setRetention().retainedSize(nodes, retained);
    }

    /** Objects an exact {@link #retainedSizeOfSet} would visit for this set (0: answered directly). */
    public synchronized long retainedSearchCost(int[] nodes) {
        return setRetention().searchCost(nodes);
    }

    /** The nodes {@code node} immediately dominates ({@link DominatorTree#VIRTUAL_ROOT}: the tree's top), in preorder. */
    public synchronized void forEachDominatorChild(int node, java.util.function.IntConsumer out) {
        setRetention().forEachChild(node, out);
    }

    /** Every node {@code node} dominates, itself included, in dominator-tree preorder. */
    public synchronized void forEachDominated(int node, java.util.function.IntConsumer out) {
        setRetention().forEachDominated(node, out);
    }

    /**
     * Position of a node in dominator-tree preorder, or -1 when unreachable: the nodes {@code d}
     * dominates are exactly those at positions [order(d), order(d) + dominatedCount(d)).
     */
    public int dominatorOrder(int node) {
        return setRetention().order(node);
    }

    /** How many nodes {@code node} dominates, itself included. */
    public int dominatedCount(int node) {
        return setRetention().dominatedCount(node);
    }

    /** Whether {@code a} dominates {@code b}, in constant time. */
    public boolean dominates(int a, int b) {
        return setRetention().dominates(a, b);
    }

    /**
     * Package use: the dominator tree in preorder with subtree ranges (see {@link ClassRetention}).
     * Built once, on first use; its interval queries are read-only and need no lock.
     */
    SetRetention setRetention() {
        SetRetention r = setRetention;
        if (r == null) {
            synchronized (this) {
                r = setRetention;
                if (r == null) {
                    r = setRetention = new SetRetention(graph, dominators);
                }
            }
        }
        return r;
    }
}
