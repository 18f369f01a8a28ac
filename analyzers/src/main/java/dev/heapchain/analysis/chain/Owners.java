package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.Fields;
import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.analysis.PathStep;
import dev.heapchain.analysis.RootPath;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.graph.PlatformClasses;
import dev.heapchain.hprof.HprofBasicType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds each container, by the profile's owner rules: an instance of the rule's class whose
 * field references the container ({@code QuorumController.snapshotRegistry}). The first rule, and
 * within it the first instance in node order, that references a container owns it. Each owner's
 * trim watermark, newest write and telling-apart detail are requested from the shared number read;
 * detail strings (topic names) are read after it.
 */
final class Owners {
    /** An owner and what was read of it. {@code watermarkField} is null when no watermark path resolved. */
    record Found(Profile.Owner rule, int node, ChainReport.Owner owner, String watermarkField, Long watermark, Long written) {
    }

    private static final class Pending {
        Profile.Owner rule;
        int node;
        final List<String> watermarkPaths = new ArrayList<>();
        final List<NumberReader.Slot> watermarkSlots = new ArrayList<>();
        final List<NumberReader.Slot> writtenSlots = new ArrayList<>();
        /** Per detail path: a number slot, or a String node to decode. */
        final List<Object> details = new ArrayList<>();
        Found found;
    }

    private final PathRenderer paths;
    private final HeapGraph g;
    private final NumberReader numbers;
    private final Map<Integer, Pending> byContainer = new LinkedHashMap<>();

    /** @param instances the reachable instances of the rules' classes, ascending */
    Owners(PathRenderer paths, List<Profile.Owner> rules, int[] instances, NumberReader numbers) {
        this.paths = paths;
        this.g = paths.analysis().graph();
        this.numbers = numbers;
        for (Profile.Owner rule : rules) {
            for (int v : instances) {
                if (!g.classOf(v).isSubclassOf(rule.className())) {
                    continue;
                }
                int container = Fields.target(g, v, rule.field());
                if (container < 0 || byContainer.containsKey(container)) {
                    continue;
                }
                Pending p = new Pending();
                p.rule = rule;
                p.node = v;
                if (rule.watermark() != null) {
                    for (String path : rule.watermark().fields()) {
                        p.watermarkPaths.add(path);
                        p.watermarkSlots.add(numbers.request(v, path));
                    }
                    for (String path : rule.watermark().written()) {
                        p.writtenSlots.add(numbers.request(v, path));
                    }
                }
                for (String path : rule.detail()) {
                    p.details.add(detail(v, path));
                }
                byContainer.put(container, p);
            }
        }
    }

    /** A String node when the path ends at a string, else a number slot (NONE when unresolvable). */
    private Object detail(int v, String path) {
        String[] parts = path.split("\\.");
        int holder = v;
        for (int i = 0; i < parts.length - 1 && holder >= 0; i++) {
            holder = Fields.target(g, holder, parts[i]);
        }
        String last = parts[parts.length - 1];
        int ordinal = holder < 0 ? -1 : Fields.ordinal(g, holder, last);
        if (ordinal >= 0 && Fields.map(g, holder).type(ordinal) == HprofBasicType.OBJECT) {
            int target = Fields.target(g, holder, last);
            if (target >= 0 && !g.isClassObject(target) && g.classOf(target).name().equals("java.lang.String")) {
                return target;
            }
        }
        return numbers.request(v, path);
    }

    /** Settles every owner; call after the shared number read. */
    void readDetails() {
        List<Integer> strings = new ArrayList<>();
        for (Pending p : byContainer.values()) {
            for (Object d : p.details) {
                if (d instanceof Integer node) {
                    strings.add(node);
                }
            }
        }
        Map<Integer, String> text = strings.isEmpty() ? Map.of()
                : paths.analysis().reads().readStrings(strings.stream().mapToInt(Integer::intValue).distinct().toArray());
        for (Pending p : byContainer.values()) {
            String field = null;
            Long watermark = null;
            for (int i = 0; i < p.watermarkSlots.size() && watermark == null; i++) {
                watermark = numbers.value(p.watermarkSlots.get(i));
                field = watermark == null ? null : p.watermarkPaths.get(i);
            }
            Long written = null;
            for (int i = 0; i < p.writtenSlots.size() && written == null; i++) {
                written = numbers.value(p.writtenSlots.get(i));
            }
            List<String> parts = new ArrayList<>();
            for (Object d : p.details) {
                Object value = d instanceof Integer node ? text.get(node) : numbers.value((NumberReader.Slot) d);
                if (value != null) {
                    parts.add(String.valueOf(value));
                }
            }
            String label = Identities.simpleName(p.rule.className()) + "." + p.rule.field();
            ChainReport.Owner owner = new ChainReport.Owner(label, paths.displayClass(p.node), g.id(p.node), p.rule.field(),
                    parts.isEmpty() ? null : String.join("-", parts));
            p.found = new Found(p.rule, p.node, owner, field, watermark, written);
        }
    }

    /** The owner of a container by the rules, or null. */
    Found of(int container) {
        Pending p = byContainer.get(container);
        return p == null ? null : p.found;
    }

    /**
     * An owner named from the path to the container when no rule names one: the last field on the
     * path held by an object outside the JDK ({@code Broker.registry}), else the last field.
     */
    static ChainReport.Owner fromPath(RootPath toContainer, String oldestClass) {
        if (toContainer == null || toContainer.steps().isEmpty()) {
            return new ChainReport.Owner(Identities.simpleName(oldestClass) + " chain (no owner found)", null, null, null, null);
        }
        List<PathStep> steps = toContainer.steps();
        PathStep container = steps.get(steps.size() - 1);
        if (steps.size() == 1) {
            return new ChainReport.Owner(Identities.simpleName(container.className()) + " (" + toContainer.rootKind() + " root)", null, null,
                    null, null);
        }
        for (int i = steps.size() - 1; i >= 1; i--) {
            String field = steps.get(i).field();
            String holder = bare(steps.get(i - 1).className());
            if (field != null && !field.startsWith("[") && !PlatformClasses.is(holder)) {
                return new ChainReport.Owner(Identities.simpleName(holder) + "." + field, null, null, field, null);
            }
        }
        PathStep last = steps.get(steps.size() - 1);
        return new ChainReport.Owner(Identities.simpleName(steps.get(steps.size() - 2).className()) + "." + last.field(), null, null,
                last.field(), null);
    }

    private static String bare(String displayClass) {
        return displayClass.startsWith("class ") ? displayClass.substring(6) : displayClass;
    }

}
