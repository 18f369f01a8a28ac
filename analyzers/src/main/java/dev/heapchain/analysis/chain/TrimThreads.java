package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.DumpReads;
import dev.heapchain.analysis.StackFrame;
import dev.heapchain.analysis.StackTraces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which threads were inside a trim method when the dump was taken, from the dump's stack traces.
 * A dump stops threads at a safepoint, which can fall between the owner's write of its new
 * watermark and the end of the trim that follows it (Kafka's {@code maybeAdvanceLastStableOffset}
 * sets {@code lastStableOffset}, then calls {@code deleteSnapshotsUpTo}); the snapshots below the
 * watermark are then being deleted, not leaked. Asked only when a chain shows a breach; the stack
 * records are the ones every report reads ({@link DumpReads#readStackTraces}).
 */
final class TrimThreads {
    private TrimThreads() {
    }

    /**
     * @param methods {@code org.apache.kafka.controller.OffsetControlManager.maybeAdvanceLastStableOffset}
     * @return per method, the threads in it ({@code thread "name"}, or {@code thread #3} without a name)
     */
    static Map<String, List<String>> in(DumpReads reads, Set<String> methods) {
        StackTraces traces = reads.readStackTraces();
        Map<String, List<String>> out = new HashMap<>();
        for (int serial : traces.threads()) {
            for (StackFrame f : traces.of(serial)) {
                String method = f.className() + "." + f.method();
                if (methods.contains(method)) {
                    String name = reads.readThreadName(serial);
                    out.computeIfAbsent(method, k -> new ArrayList<>()).add(name != null ? "thread \"" + name + "\"" : "thread #" + serial);
                    break;
                }
            }
        }
        return out;
    }
}
