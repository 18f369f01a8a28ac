package dev.heapchain.analysis;

import dev.heapchain.graph.FieldMap;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.graph.ObjectData;
import dev.heapchain.graph.ObjectReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A thread object's daemon flag and state, where the dump has them: {@code java.lang.Thread}'s own
 * {@code daemon} and {@code threadStatus} fields up to JDK 18, its {@code holder}
 * ({@code Thread$FieldHolder}) from JDK 19 on. Android's Thread has {@code daemon} but no status.
 */
final class ThreadFields {
    /** @param daemon null when not known; @param state a {@link Thread.State} name, or null */
    record Values(Boolean daemon, String state) {
        static final Values UNKNOWN = new Values(null, null);
    }

    // JVMTI thread-state bits, as jdk.internal.misc.VM.toThreadState reads them.
    private static final int ALIVE = 0x0001;
    private static final int TERMINATED = 0x0002;
    private static final int RUNNABLE = 0x0004;
    private static final int WAITING_INDEFINITELY = 0x0010;
    private static final int WAITING_WITH_TIMEOUT = 0x0020;
    private static final int BLOCKED_ON_MONITOR_ENTER = 0x0400;

    private ThreadFields() {
    }

    /** One read of the dump for all the given thread objects. */
    static Map<Integer, Values> read(HeapGraph g, List<Integer> threads) {
        Map<Integer, Integer> holderOf = new HashMap<>();
        List<Integer> wanted = new ArrayList<>(threads);
        for (int t : threads) {
            int h = Fields.target(g, t, "holder");
            if (h >= 0) {
                holderOf.put(t, h);
                wanted.add(h);
            }
        }
        Map<Integer, ObjectData> data = ObjectReader.read(g, wanted.stream().mapToInt(Integer::intValue).distinct().toArray());
        Map<Integer, Values> out = new HashMap<>();
        for (int t : threads) {
            // From JDK 19 on, the holder has the fields; a Thread with a holder has none of its own.
            int from = holderOf.getOrDefault(t, t);
            Long daemon = value(g, from, data, "daemon");
            Long status = value(g, from, data, "threadStatus");
            if (from != t) {
                daemon = daemon != null ? daemon : value(g, t, data, "daemon");
                status = status != null ? status : value(g, t, data, "threadStatus");
            }
            out.put(t, new Values(daemon == null ? null : daemon != 0, status == null ? null : state(status.intValue())));
        }
        return out;
    }

    private static Long value(HeapGraph g, int node, Map<Integer, ObjectData> data, String field) {
        ObjectData d = data.get(node);
        int ordinal = Fields.ordinal(g, node, field);
        if (d == null || ordinal < 0) {
            return null;
        }
        FieldMap map = Fields.map(g, node);
        return d.value(map.offset(ordinal), map.type(ordinal));
    }

    /** As {@code jdk.internal.misc.VM.toThreadState}: the first bit that applies wins. */
    static String state(int status) {
        Thread.State s;
        if ((status & RUNNABLE) != 0) {
            s = Thread.State.RUNNABLE;
        } else if ((status & BLOCKED_ON_MONITOR_ENTER) != 0) {
            s = Thread.State.BLOCKED;
        } else if ((status & WAITING_INDEFINITELY) != 0) {
            s = Thread.State.WAITING;
        } else if ((status & WAITING_WITH_TIMEOUT) != 0) {
            s = Thread.State.TIMED_WAITING;
        } else if ((status & TERMINATED) != 0) {
            s = Thread.State.TERMINATED;
        } else if ((status & ALIVE) == 0) {
            s = Thread.State.NEW;
        } else {
            s = Thread.State.RUNNABLE;
        }
        return s.name();
    }
}
