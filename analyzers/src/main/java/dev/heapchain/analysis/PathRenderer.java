package dev.heapchain.analysis;

import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.graph.HeapRoots;
import dev.heapchain.hprof.HprofRootKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paths from GC roots as reports show them: each object on the way with its class, the field
 * (or index, or {@code <class>} step) that reaches it, and the root's kind and thread. One per run,
 * shared by its reports: a redactor learns the parts of every root detail it handed out here.
 * What it does with the dump's values is its {@link ValuePolicy}, given when it is made.
 */
public final class PathRenderer {
    private final HeapAnalysis analysis;
    private final ValuePolicy values;
    /** Every root detail handed out, with its parts: renderers that name things their own way look them up. */
    private final Map<String, RootThread> rootThreads = new ConcurrentHashMap<>();

    public PathRenderer(HeapAnalysis analysis, ValuePolicy values) {
        this.analysis = analysis;
        this.values = java.util.Objects.requireNonNull(values, "values");
    }

    /** The results whose paths these are. */
    public HeapAnalysis analysis() {
        return analysis;
    }

    /** Whether the dump's values may be shown (see {@link ValuePolicy#SHOWN}: paths carry none today). */
    public ValuePolicy values() {
        return values;
    }

    /** How edge {@code edge} of {@code source} is written in paths: a field name, {@code [3]}, ... */
    public String fieldName(int source, long edge) {
        return EdgeNames.of(analysis.graph(), source, edge);
    }

    /** Class name for people: {@code class Foo} for class objects. */
    public String displayClass(int node) {
        HeapGraph graph = analysis.graph();
        HeapClass described = graph.describedClass(node);
        return described != null ? "class " + described.name() : graph.classOf(node).name();
    }

    /** The shortest path from a GC root to {@code node}. */
    public RootPath pathTo(int node) {
        GcRootPaths paths = analysis.paths();
        int[] nodes = paths.nodesTo(node);
        if (nodes.length == 0) {
            return RootPath.unreachable();
        }
        HeapGraph graph = analysis.graph();
        List<PathStep> steps = new ArrayList<>(nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            String field = i == 0 ? null : fieldName(nodes[i - 1], paths.edgeTo(nodes[i]));
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
        DumpReads reads = analysis.reads();
        int serial = roots.threadSerial(entry);
        int depth = kind.extra() == HprofRootKind.Extra.THREAD_FRAME && roots.frameDepth(entry) >= 0 ? roots.frameDepth(entry) : -1;
        RootThread t = new RootThread(serial, reads.readThreadName(serial), depth,
                depth < 0 ? null : reads.readStackTraces().frame(serial, depth));
        String text = t.text();
        rootThreads.putIfAbsent(text, t);
        return text;
    }

    /**
     * The parts of a {@link RootPath#rootDetail} this renderer made, or null for any other string.
     * Two roots with the same text have the same parts, unless two threads share a name (then the
     * first one asked for is given).
     */
    public RootThread rootThread(String rootDetail) {
        return rootDetail == null ? null : rootThreads.get(rootDetail);
    }
}
