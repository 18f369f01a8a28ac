package dev.heapchain.analysis;

import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.graph.HeapGraphBuilder;
import dev.heapchain.graph.HeapRoots;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofRootKind;
import dev.heapchain.util.Tasks;
import dev.heapchain.util.Trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The engine: graph, shortest GC-root paths and the dominator tree of one dump. Paths and
 * dominators are independent, so they run on two threads.
 */
public final class HeapAnalysis {
    private final HeapGraph graph;
    private final GcRootPaths paths;
    private final DominatorTree dominators;
    private Map<Integer, String> threadNames;
    private volatile SetRetention setRetention;
    private StackTraces stackTraces;
    /** Every root detail handed out, with its parts: renderers that name things their own way look them up. */
    private final Map<String, RootThread> rootThreads = new java.util.concurrent.ConcurrentHashMap<>();

    private HeapAnalysis(HeapGraph graph, GcRootPaths paths, DominatorTree dominators) {
        this.graph = graph;
        this.paths = paths;
        this.dominators = dominators;
    }

    public static HeapAnalysis run(HprofFile file, int dump, boolean keepWeak, Consumer<String> progress) {
        return run(file, dump, keepWeak, java.util.Set.of(), progress);
    }

    /** @param capture classes whose instances' field values later analyses read (see CapturedFields) */
    public static HeapAnalysis run(HprofFile file, int dump, boolean keepWeak, java.util.Set<String> capture,
                                   Consumer<String> progress) {
        return run(file, dump, keepWeak, capture, false, progress);
    }

    /**
     * @param setQueries the caller will ask for retained sizes of sets or walk the dominator tree
     *                   (analyze): the tree's order is then built on the other core while the
     *                   engine finishes, instead of on first use
     */
    public static HeapAnalysis run(HprofFile file, int dump, boolean keepWeak, java.util.Set<String> capture,
                                   boolean setQueries, Consumer<String> progress) {
        HeapGraph graph = new HeapGraphBuilder(file, dump).keepWeak(keepWeak).capture(capture).progress(progress).build();
        return of(graph, setQueries, progress);
    }

    public static HeapAnalysis of(HeapGraph graph, Consumer<String> progress) {
        return of(graph, false, progress);
    }

    public static HeapAnalysis of(HeapGraph graph, boolean setQueries, Consumer<String> progress) {
        progress.accept("computing paths and dominators");
        // The other core moves the ids and labels to temporary files (neither search reads them;
        // that takes them off the dominators' memory peak), then runs the breadth-first search
        // beside the dominators and moves its result to a temporary file as soon as it is done,
        // for the same reason.
        CompletableFuture<GcRootPaths> paths = dev.heapchain.util.Tasks.start(() -> {
            graph.spillLookups();
            Trace.mark("lookups spilled");
            GcRootPaths p = GcRootPaths.compute(graph);
            p.spill(graph.file().tempFolder());
            Trace.mark("bfs spilled");
            return p;
        });
        try {
            DominatorTree dominators = Dominators.compute(new HeapDigraph(graph), setQueries, graph.file().tempFolder());
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

    /** How edge {@code edge} of {@code source} is written in paths: a field name, {@code [3]}, ... */
    public String fieldName(int source, long edge) {
        return EdgeNames.of(graph, source, edge);
    }

    /** Class name for people: {@code class Foo} for class objects. */
    public String displayClass(int node) {
        HeapClass described = graph.describedClass(node);
        return described != null ? "class " + described.name() : graph.classOf(node).name();
    }

    /** The shortest path from a GC root to {@code node}. */
    public RootPath pathTo(int node) {
        int[] nodes = paths.nodesTo(node);
        if (nodes.length == 0) {
            return RootPath.unreachable();
        }
        List<PathStep> steps = new ArrayList<>(nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            String field = i == 0 ? null : EdgeNames.of(graph, nodes[i - 1], paths.edgeTo(nodes[i]));
            steps.add(new PathStep(graph.id(nodes[i]), displayClass(nodes[i]), field));
        }
        int root = nodes[0];
        HeapRoots roots = graph.roots();
        int[] range = roots.entriesOf(root);
        int best = range[0];
        for (int i = range[0]; i < range[1]; i++) {
            if (rank(roots.kind(i)) < rank(roots.kind(best))) {
                best = i;
            }
        }
        return new RootPath(roots.kind(best).label(), detail(roots, best), steps);
    }

    /** Thread-bound roots explain the most ("thread main, frame 3"), global ones the least. */
    private static int rank(HprofRootKind kind) {
        return switch (kind) {
            case JAVA_FRAME, JNI_LOCAL, NATIVE_STACK, THREAD_BLOCK, JNI_MONITOR -> 0;
            case THREAD_OBJECT -> 1;
            case JNI_GLOBAL, MONITOR_USED -> 2;
            case STICKY_CLASS -> 3;
            default -> 4;
        };
    }

    private String detail(HeapRoots roots, int entry) {
        HprofRootKind kind = roots.kind(entry);
        if (!kind.hasThread()) {
            return null;
        }
        int serial = roots.threadSerial(entry);
        int depth = kind.extra() == HprofRootKind.Extra.THREAD_FRAME && roots.frameDepth(entry) >= 0 ? roots.frameDepth(entry) : -1;
        RootThread t = new RootThread(serial, threadName(serial), depth, depth < 0 ? null : stackTraces().frame(serial, depth));
        String text = t.text();
        rootThreads.putIfAbsent(text, t);
        return text;
    }

    /**
     * The parts of a {@link RootPath#rootDetail} this analysis made, or null for any other string.
     * Two roots with the same text have the same parts, unless two threads share a name (then the
     * first one asked for is given).
     */
    public RootThread rootThread(String rootDetail) {
        return rootDetail == null ? null : rootThreads.get(rootDetail);
    }

    /**
     * The dump's stacks, read on first use (one pass over the top-level records, heap segments
     * skipped): only reports that name a thread-bound root pay for it.
     */
    public synchronized StackTraces stackTraces() {
        if (stackTraces == null) {
            stackTraces = StackTraces.read(graph);
        }
        return stackTraces;
    }

    /**
     * Reads the values of java.lang.String objects from the dump (one read for all); strings whose
     * value is missing are absent. For identifiers a report needs (topic names of owners), not bulk.
     */
    public Map<Integer, String> readStrings(int[] strings) {
        return StringValues.decode(graph, strings);
    }

    /**
     * Name of a thread by serial, read from the dump once for all threads; null when unknown. Names
     * are not values: reports show them (redaction, where asked for, happens when they are written).
     */
    public synchronized String threadName(int serial) {
        return threadNames().get(serial);
    }

    /** Every thread's name, by serial, from the dump's thread objects. */
    public synchronized Map<Integer, String> threadNames() {
        if (threadNames == null) {
            threadNames = new HashMap<>();
            HeapRoots roots = graph.roots();
            Map<Integer, Integer> nameStringOf = new HashMap<>();
            for (int i = 0; i < roots.size(); i++) {
                if (roots.kind(i) == HprofRootKind.THREAD_OBJECT) {
                    int s = StringValues.fieldTarget(graph, roots.node(i), "name");
                    if (s >= 0) {
                        nameStringOf.put(roots.threadSerial(i), s);
                    }
                }
            }
            Map<Integer, String> decoded = StringValues.decode(graph,
                    nameStringOf.values().stream().mapToInt(Integer::intValue).distinct().toArray());
            nameStringOf.forEach((serialNo, s) -> {
                String text = decoded.get(s);
                if (text != null) {
                    threadNames.put(serialNo, text);
                }
            });
            threadNames = java.util.Collections.unmodifiableMap(threadNames);
        }
        return threadNames;
    }
}
