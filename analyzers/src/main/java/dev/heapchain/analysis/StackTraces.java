package dev.heapchain.analysis;

import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.graph.HeapRoots;
import dev.heapchain.graph.HeapStrings;
import dev.heapchain.hprof.HprofReader;
import dev.heapchain.hprof.HprofRootKind;
import dev.heapchain.hprof.HprofVisitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The threads' stacks as the dump's TRACE and FRAME records give them: per thread serial, its
 * frames, top of the stack first, so a frame root's depth indexes them: the trace its thread object's
 * root names, else the TRACE record with its thread serial. Read in one pass over the
 * top-level records (heap segments are skipped); names come from the class table's strings, which
 * hold every UTF8 record already. Android dumps carry no stack records: every stack is then empty.
 */
public final class StackTraces {
    /** A dump without stack records. */
    static final StackTraces NONE = new StackTraces(Map.of(), 0);

    private final Map<Integer, List<StackFrame>> byThread;
    private final int frameRecords;

    private StackTraces(Map<Integer, List<StackFrame>> byThread, int frameRecords) {
        this.byThread = byThread;
        this.frameRecords = frameRecords;
    }

    /** One pass over the dump's top-level records. */
    static StackTraces read(HeapGraph g) {
        Map<Integer, Long> classIds = new HashMap<>();
        Map<Long, long[]> frames = new HashMap<>(); // frame id -> method, signature, source, class serial, line
        Map<Integer, long[]> bySerial = new HashMap<>(); // trace serial -> frame ids
        Map<Integer, long[]> traces = new HashMap<>(); // thread serial -> frame ids
        new HprofReader(g.file(), g.summary().selectedDump()).read(new HprofVisitor() {
            @Override
            public Interest interest() {
                return Interest.NAMES_ONLY;
            }

            @Override
            public void loadClass(int classSerial, long classId, int stackTraceSerial, long nameId) {
                classIds.putIfAbsent(classSerial, classId);
            }

            @Override
            public void stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial,
                                   int line) {
                frames.putIfAbsent(frameId, new long[]{methodNameId, signatureId, sourceFileId, classSerial, line});
            }

            @Override
            public void stackTrace(int serial, int threadSerial, long[] frameIds) {
                bySerial.putIfAbsent(serial, frameIds);
                // HotSpot writes one trace per thread, plus an empty one (thread serial 0) for objects.
                if (threadSerial != 0 && (frameIds.length > 0 || !traces.containsKey(threadSerial))) {
                    traces.put(threadSerial, frameIds);
                }
            }
        });
        // A thread object's root names its stack trace: what jhat goes by, and the only link in the
        // hprof agent's dumps, whose TRACE records carry thread serial 0.
        HeapRoots roots = g.roots();
        for (int i = 0; i < roots.size(); i++) {
            if (roots.kind(i) == HprofRootKind.THREAD_OBJECT) {
                long[] named = bySerial.get(roots.frameDepth(i));
                if (named != null && (named.length > 0 || !traces.containsKey(roots.threadSerial(i)))) {
                    traces.put(roots.threadSerial(i), named);
                }
            }
        }
        if (frames.isEmpty() && traces.values().stream().allMatch(t -> t.length == 0)) {
            return NONE;
        }
        HeapStrings strings = g.classes().strings();
        Map<Long, StackFrame> resolved = new HashMap<>();
        Map<Integer, List<StackFrame>> byThread = new HashMap<>();
        traces.forEach((thread, ids) -> {
            List<StackFrame> stack = new ArrayList<>(ids.length);
            for (long id : ids) {
                stack.add(resolved.computeIfAbsent(id, f -> resolve(g, strings, classIds, frames.get(f))));
            }
            byThread.put(thread, List.copyOf(stack));
        });
        return new StackTraces(Map.copyOf(byThread), frames.size());
    }

    /** A FRAME the TRACE names but the dump lacks is a frame of which nothing is known. */
    private static StackFrame resolve(HeapGraph g, HeapStrings strings, Map<Integer, Long> classIds, long[] f) {
        if (f == null) {
            return new StackFrame(null, null, null, null, StackFrame.UNKNOWN);
        }
        Long classId = classIds.get((int) f[3]);
        HeapClass c = classId == null ? null : g.classes().byId(classId);
        return new StackFrame(c == null ? null : c.name(), strings.get(f[0]), strings.get(f[1]), strings.get(f[2]), (int) f[4]);
    }

    /** Whether the dump has stack records at all (HotSpot: yes; Android: no). */
    public boolean present() {
        return frameRecords > 0 || !byThread.isEmpty();
    }

    /** The thread's frames, top first; empty when the dump has no trace for it. */
    public List<StackFrame> of(int threadSerial) {
        return byThread.getOrDefault(threadSerial, List.of());
    }

    /** The frame at a root's depth, or null when the depth is outside the thread's trace. */
    public StackFrame frame(int threadSerial, int depth) {
        List<StackFrame> stack = of(threadSerial);
        return depth >= 0 && depth < stack.size() ? stack.get(depth) : null;
    }

    /** Thread serials with a trace, ascending. */
    public List<Integer> threads() {
        return byThread.keySet().stream().sorted().toList();
    }
}
