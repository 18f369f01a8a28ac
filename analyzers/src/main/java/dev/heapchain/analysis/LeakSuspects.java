package dev.heapchain.analysis;

import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.graph.PlatformClasses;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leak suspects for any dump, as Eclipse MAT's report has them: what retains more than
 * {@link #SHARE} of the reachable heap, and where in it the memory accumulates.
 *
 * <ul>
 * <li><b>Objects</b>: the dominator tree is walked from its top, through the objects that retain
 *     more than the share. Class loaders, and the lists of classes under them (objects whose children
 *     are mostly class objects), hold everything a program loaded: they are passed through, and what
 *     they hold is judged instead. The suspect is the first object below the last of them on the way
 *     down to the accumulation point. The platform's own bookkeeping (a suspect and its accumulation
 *     point both of platform classes, such as {@code class java.lang.System} and its print streams,
 *     or the JMX registry) is left out: on a real heap it never holds a tenth, and what a program
 *     puts into platform structures still shows as a group of its own class.</li>
 * <li><b>Groups of one class</b>: instances of one class that together retain more than the share
 *     (by {@link ClassRetention}), whose common dominator is an object rather than the GC roots
 *     themselves (a class spread over the whole heap, like String, accumulates nowhere), and which no
 *     object suspect already explains.</li>
 * </ul>
 * A suspect's <b>accumulation point</b> is found by going down from it while one child holds
 * {@link #DOMINANT} of its parent: the object below which the retention spreads over many children,
 * such as a map's table with 200,000 entries, or the head of a linked list (where the dominant child
 * is of the parent's own class). The path is the one to the accumulation point, and
 * {@code heldBy} names the static field or the thread on it.
 */
public final class LeakSuspects {
    /** Of the reachable heap, what a suspect retains at least. */
    public static final double SHARE = 0.10;
    /** A child with this share of its parent's retained size carries the accumulation further down. */
    static final double DOMINANT = 0.8;
    static final int MAX_SUSPECTS = 10;

    /**
     * @param childClass the class that most of the accumulation point's children's bytes are in, or null
     */
    public record Accumulation(long objectId, String className, long retainedBytes, long children, String childClass,
                               long childClassCount, long childClassBytes) {
    }

    /**
     * @param kind      "object" or "class" (a group of one class's instances)
     * @param objectId  the object, or the group's common dominator
     * @param heldBy    the static field ({@code static com.acme.Cache.sessions}) or thread that holds
     *                  it, from its path; null when the path has neither
     */
    public record Suspect(String kind, String className, long objectId, long instances, long retainedBytes, double share,
                          Accumulation accumulation, RootPath path, String heldBy) {
    }

    private LeakSuspects() {
    }

    /** Suspects, largest retained first. @param classes as {@link ClassRetention#compute} returns them */
    public static List<Suspect> find(PathRenderer paths, List<ClassRetention.Row> classes) {
        HeapAnalysis a = paths.analysis();
        HeapGraph g = a.graph();
        DominatorTree d = a.dominators();
        long total = d.reachableBytes();
        long threshold = (long) Math.ceil(total * SHARE);
        List<Suspect> out = new ArrayList<>();
        if (total <= 0) {
            return out;
        }
        List<Integer> reported = new ArrayList<>();
        Deque<Integer> todo = new ArrayDeque<>();
        pushLarge(a, DominatorTree.VIRTUAL_ROOT, threshold, todo);
        while (!todo.isEmpty() && out.size() < MAX_SUSPECTS) {
            List<Integer> down = descent(a, todo.pop());
            int holder = -1; // the last class loader or class list on the way down
            for (int i = 0; i < down.size(); i++) {
                holder = isClassLoader(g, down.get(i)) || holdsClasses(a, down.get(i)) ? i : holder;
            }
            int point = down.get(down.size() - 1);
            if (holder == down.size() - 1) {
                pushLarge(a, point, threshold, todo); // a class list or loader whose classes share it out
                continue;
            }
            int v = down.get(holder + 1);
            if (PlatformClasses.is(paths.displayClass(v)) && PlatformClasses.is(paths.displayClass(point))) {
                continue;
            }
            reported.add(v);
            out.add(suspect(paths, "object", paths.displayClass(v), v, 1, d.retainedSize(v), total, point));
        }
        for (Group group : groups(a, classes, threshold)) {
            if (out.size() >= MAX_SUSPECTS) {
                break;
            }
            int lca = group.commonDominator();
            if (lca < 0 || isClassLoader(g, lca) || reported.stream().anyMatch(r -> a.dominates(r, lca) || a.dominates(lca, r))) {
                continue;
            }
            List<Integer> down = descent(a, lca);
            int point = down.get(down.size() - 1);
            String name = g.classes().byIndex(group.classIndex()).name();
            if (holdsClasses(a, point) || PlatformClasses.is(name) && PlatformClasses.is(paths.displayClass(point))) {
                continue;
            }
            out.add(suspect(paths, "class", name, lca, group.instances(),
                    group.retainedBytes(), total, point));
        }
        out.sort(Comparator.comparingLong(Suspect::retainedBytes).reversed().thenComparingLong(Suspect::objectId));
        return List.copyOf(out);
    }

    private static void pushLarge(HeapAnalysis a, int parent, long threshold, Deque<Integer> todo) {
        List<Integer> large = new ArrayList<>();
        a.forEachDominatorChild(parent, c -> {
            if (a.dominators().retainedSize(c) >= threshold) {
                large.add(c);
            }
        });
        // Largest first off the stack; ties by id, so the order never depends on the dump's layout.
        large.sort(Comparator.comparingLong((Integer c) -> a.dominators().retainedSize(c))
                .thenComparingLong(c -> -a.graph().id(c)));
        large.forEach(todo::push);
    }

    private static boolean isClassLoader(HeapGraph g, int v) {
        return !g.isClassObject(v) && g.classOf(v).isSubclassOf("java.lang.ClassLoader");
    }

    /** From {@code v} down while one child holds {@link #DOMINANT} of its parent; the last is the accumulation point. */
    static List<Integer> descent(HeapAnalysis a, int v) {
        DominatorTree d = a.dominators();
        List<Integer> down = new ArrayList<>();
        int at = v;
        while (true) {
            down.add(at);
            long need = (long) Math.ceil(d.retainedSize(at) * DOMINANT);
            int[] dominant = {-1};
            a.forEachDominatorChild(at, c -> {
                if (dominant[0] < 0 && d.retainedSize(c) >= need) {
                    dominant[0] = c;
                }
            });
            // A dominant child of the parent's own class is the next link of a list: the list, from
            // this head, is where the memory accumulates (going on would walk the whole chain).
            if (dominant[0] < 0 || a.graph().classIndex(dominant[0]) == a.graph().classIndex(at)
                    && !a.graph().isClassObject(at)) {
                return down;
            }
            at = dominant[0];
        }
    }

    /** Whether most of what the node's children retain is in class objects and class loaders: a class list. */
    private static boolean holdsClasses(HeapAnalysis a, int v) {
        HeapGraph g = a.graph();
        long[] bytes = new long[2];
        a.forEachDominatorChild(v, c -> {
            long r = a.dominators().retainedSize(c);
            bytes[0] += r;
            if (g.isClassObject(c) || isClassLoader(g, c)) {
                bytes[1] += r;
            }
        });
        return bytes[0] > 0 && bytes[1] * 2 > bytes[0];
    }

    /** A class whose instances retain at least the threshold together; commonDominator -1: the GC roots. */
    private record Group(int classIndex, int commonDominator, long instances, long retainedBytes) {
    }

    /** Groups in the order of {@code classes}: largest retained first. */
    private static List<Group> groups(HeapAnalysis a, List<ClassRetention.Row> classes, long threshold) {
        HeapGraph g = a.graph();
        Map<String, Integer> wanted = new HashMap<>();
        List<Long> retainedOfSlot = new ArrayList<>();
        for (ClassRetention.Row row : classes) {
            if (row.retainedBytes() >= threshold && row.instances() >= 2 && !wanted.containsKey(row.className())) {
                wanted.put(row.className(), wanted.size());
                retainedOfSlot.add(row.retainedBytes());
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        int[] slotOf = new int[g.classes().size()];
        java.util.Arrays.fill(slotOf, -1);
        int[] classOfSlot = new int[wanted.size()];
        java.util.Arrays.fill(classOfSlot, -1);
        for (HeapClass c : g.classes().all()) {
            Integer slot = wanted.get(c.name());
            if (slot != null) {
                // Classes of one name from several loaders are one row of ClassRetention, and one group here.
                slotOf[c.index()] = slot;
                classOfSlot[slot] = classOfSlot[slot] < 0 ? c.index() : classOfSlot[slot];
            }
        }
        // The common dominator of a set is that of its first and last member in preorder.
        int[] first = new int[wanted.size()];
        int[] last = new int[wanted.size()];
        int[] count = new int[wanted.size()];
        java.util.Arrays.fill(first, -1);
        for (int v = 0, n = g.nodeCount(); v < n; v++) {
            int c = g.classIndex(v);
            if (c < 0 || slotOf[c] < 0) {
                continue;
            }
            int pos = a.dominatorOrder(v);
            if (pos < 0) {
                continue;
            }
            int s = slotOf[c];
            count[s]++;
            if (first[s] < 0 || pos < a.dominatorOrder(first[s])) {
                first[s] = v;
            }
            if (last[s] < 0 || pos > a.dominatorOrder(last[s])) {
                last[s] = v;
            }
        }
        List<Group> out = new ArrayList<>();
        for (int s = 0; s < wanted.size(); s++) {
            if (first[s] >= 0) {
                out.add(new Group(classOfSlot[s], commonDominator(a, first[s], last[s]), count[s], retainedOfSlot.get(s)));
            }
        }
        return out;
    }

    /** The nearest object dominating both, or -1 when only the GC roots do. */
    private static int commonDominator(HeapAnalysis a, int x, int y) {
        DominatorTree d = a.dominators();
        int at = x;
        while (at >= 0 && !a.dominates(at, y)) {
            at = d.immediateDominator(at);
        }
        return at;
    }

    private static Suspect suspect(PathRenderer paths, String kind, String className, int v, long instances,
                                   long retained, long total, int point) {
        HeapAnalysis a = paths.analysis();
        HeapGraph g = a.graph();
        DominatorTree d = a.dominators();
        long[] children = {0};
        Map<String, long[]> byClass = new HashMap<>();
        a.forEachDominatorChild(point, c -> {
            children[0]++;
            long[] x = byClass.computeIfAbsent(paths.displayClass(c), k -> new long[2]);
            x[0]++;
            x[1] += d.retainedSize(c);
        });
        String top = null;
        long[] topCount = {0, 0};
        for (Map.Entry<String, long[]> e : byClass.entrySet()) {
            long[] x = e.getValue();
            if (top == null || x[1] > topCount[1] || x[1] == topCount[1] && e.getKey().compareTo(top) < 0) {
                top = e.getKey();
                topCount = x;
            }
        }
        Accumulation acc = new Accumulation(g.id(point), paths.displayClass(point), d.retainedSize(point), children[0], top,
                topCount[0], topCount[1]);
        RootPath path = paths.pathTo(point);
        return new Suspect(kind, className, g.id(v), instances, retained, (double) retained / total, acc, path, heldBy(path));
    }

    /** The static field (the last class object on the path and the field after it) or the thread. */
    static String heldBy(RootPath path) {
        List<PathStep> steps = path.steps();
        for (int i = steps.size() - 2; i >= 0; i--) {
            String c = steps.get(i).className();
            if (c.startsWith("class ") && steps.get(i + 1).field() != null) {
                return "static " + c.substring(6) + "." + steps.get(i + 1).field();
            }
        }
        return path.rootDetail();
    }
}
