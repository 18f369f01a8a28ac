package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.Fields;
import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.graph.HeapGraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bookkeeping pins. Reference-counted handles put their epoch into a shared live-epoch list and the
 * owner trims only when the list's head changes. A head epoch that no reachable handle carries
 * means that handle was dropped without being released: the head can never change again, so the
 * chain is never trimmed. Values are requested before the shared read and judged after it.
 */
final class Bookkeeping {
    private record Handle(int node, NumberReader.Slot epoch, int list, int container) {
    }

    private final PathRenderer paths;
    private final HeapGraph g;
    private final NumberReader numbers;
    private final List<Handle> handles = new ArrayList<>();
    private final Map<Integer, List<NumberReader.Slot>> lists = new LinkedHashMap<>();
    private final String liveEpochsField;

    /** @param instances the reachable instances of the profile's classes, ascending */
    Bookkeeping(PathRenderer paths, Profile.Bookkeeping profile, int[] instances, NumberReader numbers) {
        this.paths = paths;
        this.g = paths.analysis().graph();
        this.numbers = numbers;
        this.liveEpochsField = profile.liveEpochsField();
        for (int v : instances) {
            int list = Fields.target(g, v, profile.liveEpochsField());
            int container = profile.containerField() == null ? -1 : Fields.target(g, v, profile.containerField());
            handles.add(new Handle(v, numbers.request(v, profile.epochField()), list, container));
            if (list >= 0 && !lists.containsKey(list)) {
                List<Integer> elements = ListElements.of(g, list);
                List<NumberReader.Slot> slots = new ArrayList<>();
                if (elements != null) {
                    for (int e : elements) {
                        slots.add(numbers.request(e, "value"));
                    }
                }
                lists.put(list, slots);
            }
        }
    }

    String liveEpochsField() {
        return liveEpochsField;
    }

    /**
     * The head of the live-epoch list whose handles point to this container: the epoch trimming
     * deletes up to. Null when no handle points to it or its list is empty. Call after the read.
     */
    Long headOf(int container) {
        for (Handle h : handles) {
            if (h.container() == container && h.list() >= 0) {
                List<Long> values = values(h.list());
                if (!values.isEmpty()) {
                    return values.get(0);
                }
            }
        }
        return null;
    }

    private List<Long> values(int list) {
        List<Long> values = new ArrayList<>();
        for (NumberReader.Slot s : lists.get(list)) {
            Long v = numbers.value(s);
            if (v != null) {
                values.add(v);
            }
        }
        return values;
    }

    /**
     * Adds a pin to each chain whose owner a stalled list's handles point to. Call after the read.
     *
     * @param minEpochs each chain's oldest epoch, by chain index
     */
    void pins(List<Long> minEpochs, List<PinFinder.Target> targets, List<List<ChainReport.Pin>> pins) {
        for (int list : lists.keySet()) {
            List<Long> values = values(list);
            if (values.isEmpty()) {
                continue;
            }
            long head = values.get(0);
            boolean carried = false;
            int container = -1;
            String handleClass = null;
            for (Handle h : handles) {
                if (h.list() != list) {
                    continue;
                }
                container = container >= 0 ? container : h.container();
                handleClass = handleClass != null ? handleClass : paths.displayClass(h.node());
                Long e = numbers.value(h.epoch());
                carried |= e != null && e == head;
            }
            if (carried) {
                continue;
            }
            for (PinFinder.Target t : targets) {
                if (t.container() >= 0 && t.container() == container) {
                    pins.get(t.chain()).add(pin(list, values, head, handleClass, minEpochs.get(t.chain())));
                }
            }
        }
    }

    private ChainReport.Pin pin(int list, List<Long> values, long head, String handleClass, long minEpoch) {
        String summary = summarize(values);
        String sentence = String.format(Locale.ROOT,
                "The live-epoch list %s %s (%s, %,d entries) starts with epoch %d, but no reachable %s carries epoch %d: "
                        + "the handle for epoch %d was dropped without being released, so the head of the list never changes "
                        + "and trimming, which runs only when the head changes, cannot run; the chain keeps every snapshot from epoch %d on.",
                paths.displayClass(list), PinFinder.hex(g.id(list)), summary, values.size(), head, handleClass, head, head,
                minEpoch);
        return new ChainReport.Pin("bookkeeping", sentence, g.id(list), paths.displayClass(list), null, null, paths.pathTo(list),
                summary, (long) values.size(), head);
    }

    /** {@code [0, 1, 2, 3, …, 2999]}: the first four and the last, or all when there are few. */
    static String summarize(List<Long> values) {
        StringBuilder sb = new StringBuilder("[");
        if (values.size() <= 6) {
            for (int i = 0; i < values.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(values.get(i));
            }
        } else {
            for (int i = 0; i < 4; i++) {
                sb.append(values.get(i)).append(", ");
            }
            sb.append("\u2026, ").append(values.get(values.size() - 1));
        }
        return sb.append(']').toString();
    }
}
