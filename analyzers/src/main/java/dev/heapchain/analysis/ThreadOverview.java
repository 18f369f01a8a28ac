package dev.heapchain.analysis;

import dev.heapchain.graph.HeapGraph;
import dev.heapchain.graph.HeapRoots;
import dev.heapchain.hprof.HprofRootKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Each thread with its stack and, per frame, the largest objects that frame holds, as Eclipse MAT's
 * thread overview has it. A frame holds the objects of the Java-frame and JNI-local roots with the
 * thread's serial and the frame's depth. Every such object is a GC root, so its retained set is
 * disjoint from any other root's: a frame's or a thread's figures add up without counting twice.
 *
 * @param stacksPresent whether the dump has stack records (Android dumps have none: frames are then
 *                      known only by depth)
 * @param threads       the most retained (thread object and locals) first, then by serial
 */
public record ThreadOverview(boolean stacksPresent, List<ThreadInfo> threads) {

    /**
     * @param objectId        the java.lang.Thread, or null when the dump has no thread object for the serial
     * @param className       the thread object's class, or null
     * @param name            null when not known
     * @param daemon          null when the dump does not say
     * @param state           a {@link Thread.State} name from the thread's status, or null
     * @param retainedBytes   what the thread object retains (its thread locals, its Runnable...); 0 without one
     * @param localsRetainedBytes what all the thread's frames and other thread roots hold besides the thread
     *                        object, each object once
     * @param frames          the stack, top first, with frames known only from a root's depth in place
     * @param unframed        what the thread's roots on no frame hold (native stack, thread block, a
     *                        JNI local without a depth), as a frame of depth -1; null when there are none
     */
    public record ThreadInfo(int serial, String name, Long objectId, String className, Boolean daemon, String state,
                             long retainedBytes, long localsRetainedBytes, List<FrameInfo> frames, FrameInfo unframed) {
    }

    /**
     * @param frame         null when the dump has no stack record for this depth
     * @param objects       distinct objects the frame holds
     * @param retainedBytes what they retain together
     * @param largest       the largest of them by retained size, at most the limit
     */
    public record FrameInfo(int depth, StackFrame frame, long objects, long retainedBytes, List<Local> largest) {
    }

    /** An object a frame (or the thread) holds, and through which kind of root. */
    public record Local(long objectId, String className, String rootKind, long shallowBytes, long retainedBytes) {
    }

    /** @param limit objects listed per frame (and per thread's other roots) */
    public static ThreadOverview of(PathRenderer paths, int limit) {
        HeapGraph g = paths.analysis().graph();
        HeapRoots roots = g.roots();
        StackTraces stacks = paths.analysis().reads().readStackTraces();
        Map<Integer, Integer> threadObject = new TreeMap<>();
        // serial -> depth (-1: no frame) -> node -> root kind; TreeMaps keep the output ordered.
        Map<Integer, TreeMap<Integer, Map<Integer, HprofRootKind>>> held = new TreeMap<>();
        for (int i = 0; i < roots.size(); i++) {
            HprofRootKind kind = roots.kind(i);
            if (!kind.hasThread()) {
                continue;
            }
            int serial = roots.threadSerial(i);
            if (kind == HprofRootKind.THREAD_OBJECT) {
                threadObject.putIfAbsent(serial, roots.node(i));
                continue;
            }
            int depth = kind.extra() == HprofRootKind.Extra.THREAD_FRAME && roots.frameDepth(i) >= 0 ? roots.frameDepth(i) : -1;
            held.computeIfAbsent(serial, s -> new TreeMap<>()).computeIfAbsent(depth, d -> new LinkedHashMap<>())
                    .putIfAbsent(roots.node(i), kind);
        }
        TreeSet<Integer> serials = new TreeSet<>(threadObject.keySet());
        serials.addAll(held.keySet());
        stacks.threads().stream().filter(s -> !stacks.of(s).isEmpty()).forEach(serials::add);
        Map<Integer, ThreadFields.Values> fields = ThreadFields.read(g, new ArrayList<>(threadObject.values()));
        List<ThreadInfo> out = new ArrayList<>();
        for (int serial : serials) {
            out.add(thread(paths, serial, threadObject.get(serial), fields, held.getOrDefault(serial, new TreeMap<>()), limit));
        }
        out.sort(Comparator.comparingLong((ThreadInfo t) -> -(t.retainedBytes() + t.localsRetainedBytes()))
                .thenComparingInt(ThreadInfo::serial));
        return new ThreadOverview(stacks.present(), List.copyOf(out));
    }

    private static ThreadInfo thread(PathRenderer paths, int serial, Integer object, Map<Integer, ThreadFields.Values> fields,
                                     TreeMap<Integer, Map<Integer, HprofRootKind>> byDepth, int limit) {
        HeapAnalysis a = paths.analysis();
        HeapGraph g = a.graph();
        List<StackFrame> stack = a.reads().readStackTraces().of(serial);
        TreeSet<Integer> depths = new TreeSet<>(byDepth.keySet());
        depths.remove(-1);
        for (int d = 0; d < stack.size(); d++) {
            depths.add(d);
        }
        List<FrameInfo> frames = new ArrayList<>();
        java.util.Set<Integer> all = new java.util.HashSet<>();
        for (int d : depths) {
            Map<Integer, HprofRootKind> locals = byDepth.getOrDefault(d, Map.of());
            all.addAll(locals.keySet());
            frames.add(new FrameInfo(d, d < stack.size() ? stack.get(d) : null, locals.size(), retained(a, locals),
                    largest(paths, locals, limit)));
        }
        Map<Integer, HprofRootKind> other = byDepth.get(-1);
        FrameInfo unframed = null;
        if (other != null) {
            all.addAll(other.keySet());
            unframed = new FrameInfo(-1, null, other.size(), retained(a, other), largest(paths, other, limit));
        }
        if (object != null) {
            all.remove(object); // a frame's "this" can be the thread itself: its size is counted once, as the thread's
        }
        long localsRetained = retained(a, all);
        ThreadFields.Values f = object == null ? ThreadFields.Values.UNKNOWN : fields.getOrDefault(object, ThreadFields.Values.UNKNOWN);
        return new ThreadInfo(serial, a.reads().readThreadName(serial), object == null ? null : g.id(object),
                object == null ? null : paths.displayClass(object), f.daemon(), f.state(),
                object == null ? 0 : Math.max(0, a.dominators().retainedSize(object)), localsRetained, List.copyOf(frames),
                unframed);
    }

    private static long retained(HeapAnalysis a, Map<Integer, HprofRootKind> nodes) {
        return retained(a, nodes.keySet());
    }

    private static long retained(HeapAnalysis a, java.util.Collection<Integer> nodes) {
        long sum = 0;
        for (int v : nodes) {
            sum += Math.max(0, a.dominators().retainedSize(v));
        }
        return sum;
    }

    /** Largest retained first, then by id, so the output is deterministic. */
    private static List<Local> largest(PathRenderer paths, Map<Integer, HprofRootKind> nodes, int limit) {
        HeapAnalysis a = paths.analysis();
        HeapGraph g = a.graph();
        List<Integer> order = new ArrayList<>(nodes.keySet());
        order.sort(Comparator.comparingLong((Integer v) -> -a.dominators().retainedSize(v))
                .thenComparing((x, y) -> Long.compareUnsigned(g.id(x), g.id(y))));
        List<Local> out = new ArrayList<>();
        for (int v : order.subList(0, Math.min(limit, order.size()))) {
            out.add(new Local(g.id(v), paths.displayClass(v), nodes.get(v).label(), g.shallowSize(v),
                    Math.max(0, a.dominators().retainedSize(v))));
        }
        return List.copyOf(out);
    }
}
