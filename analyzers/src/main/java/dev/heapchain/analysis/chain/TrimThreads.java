package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.hprof.HprofInput;
import dev.heapchain.hprof.HprofReader;
import dev.heapchain.hprof.HprofVisitor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which threads were inside a trim method when the dump was taken, from the dump's stack traces.
 * A dump stops threads at a safepoint, which can fall between the owner's write of its new
 * watermark and the end of the trim that follows it (Kafka's {@code maybeAdvanceLastStableOffset}
 * sets {@code lastStableOffset}, then calls {@code deleteSnapshotsUpTo}); the snapshots below the
 * watermark are then being deleted, not leaked. Read only when a chain shows a breach: one pass over
 * the dump's top-level records, heap segments skipped.
 */
final class TrimThreads {
    private TrimThreads() {
    }

    /**
     * @param methods {@code org.apache.kafka.controller.OffsetControlManager.maybeAdvanceLastStableOffset}
     * @return per method, the threads in it ({@code thread "main"}, or {@code thread #3} when the dump gives no name)
     */
    static Map<String, List<String>> in(HeapAnalysis a, Set<String> methods) {
        HeapGraph g = a.graph();
        Map<String, Set<String>> classesOf = new HashMap<>(); // method name -> declaring classes wanted
        for (String m : methods) {
            int dot = m.lastIndexOf('.');
            if (dot > 0) {
                classesOf.computeIfAbsent(m.substring(dot + 1), k -> new HashSet<>()).add(m.substring(0, dot));
            }
        }
        Map<String, byte[]> names = new HashMap<>();
        classesOf.keySet().forEach(n -> names.put(n, n.getBytes(StandardCharsets.UTF_8)));
        Map<Long, String> nameIds = new HashMap<>();
        Map<Integer, Long> classIds = new HashMap<>();
        Map<Long, String> frames = new HashMap<>(); // frame id -> "Class.method"
        Map<String, List<String>> out = new HashMap<>();
        new HprofReader(g.file(), g.summary().selectedDump()).read(new HprofVisitor() {
            @Override
            public Interest interest() {
                return Interest.NAMES_ONLY;
            }

            @Override
            public void utf8(long id, HprofInput in, int length) {
                for (Map.Entry<String, byte[]> e : names.entrySet()) {
                    if (e.getValue().length == length && java.util.Arrays.equals(in.buffer(), in.bufferOffset(),
                            in.bufferOffset() + length, e.getValue(), 0, length)) {
                        nameIds.put(id, e.getKey());
                    }
                }
            }

            @Override
            public void loadClass(int classSerial, long classId, int stackTraceSerial, long nameId) {
                classIds.putIfAbsent(classSerial, classId);
            }

            @Override
            public void stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial,
                                   int line) {
                String method = nameIds.get(methodNameId);
                Long classId = classIds.get(classSerial);
                if (method == null || classId == null) {
                    return;
                }
                int node = g.node(classId);
                HeapClass c = node < 0 ? null : g.describedClass(node);
                if (c != null && classesOf.get(method).contains(c.name())) {
                    frames.put(frameId, c.name() + "." + method);
                }
            }

            @Override
            public void stackTrace(int serial, int threadSerial, long[] frameIds) {
                for (long f : frameIds) {
                    String method = frames.get(f);
                    if (method != null) {
                        String name = a.threadName(threadSerial);
                        out.computeIfAbsent(method, k -> new ArrayList<>())
                                .add(name != null ? "thread \"" + name + "\"" : "thread #" + threadSerial);
                        return;
                    }
                }
            }
        });
        return out;
    }
}
