package dev.heapchain.analysis;

import dev.heapchain.graph.HeapGraph;
import dev.heapchain.graph.HeapRoots;
import dev.heapchain.hprof.HprofRootKind;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What reports read back from the dump file after the graph is built: the objects' values the
 * graph does not hold (strings, thread names) and the stack records. Each read is done once, on
 * first use, and shared by every report of the run ({@link HeapAnalysis#reads()}).
 */
public final class DumpReads {
    private final HeapGraph graph;
    private Map<Integer, String> threadNames;
    private StackTraces stackTraces;

    DumpReads(HeapGraph graph) {
        this.graph = graph;
    }

    /**
     * The dump's stacks, read on first use (one pass over the top-level records, heap segments
     * skipped): only reports that name a thread-bound root pay for it.
     */
    public synchronized StackTraces readStackTraces() {
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
    public synchronized String readThreadName(int serial) {
        return readThreadNames().get(serial);
    }

    /** Every thread's name, by serial, from the dump's thread objects. */
    public synchronized Map<Integer, String> readThreadNames() {
        if (threadNames == null) {
            Map<Integer, String> names = new HashMap<>();
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
                    names.put(serialNo, text);
                }
            });
            threadNames = Collections.unmodifiableMap(names);
        }
        return threadNames;
    }
}
