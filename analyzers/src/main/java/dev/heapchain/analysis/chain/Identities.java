package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.PathStep;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names each chain the same way in every dump of one process, for compare and trend: the owner's
 * name ({@code SnapshottableCoordinator.snapshotRegistry __consumer_offsets-7}). Where owners share
 * a name, the field path from the GC root to the container is added, and where that is shared too,
 * the chain's rank ({@code #2}). Object ids are never part of it: they change between dumps.
 */
public final class Identities {
    private Identities() {
    }

    static void assign(List<ChainAnalysis.Draft> drafts) {
        Map<String, Integer> byName = new HashMap<>();
        drafts.forEach(d -> byName.merge(d.owner.name(), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        for (ChainAnalysis.Draft d : drafts) {
            String id = d.owner.name();
            if (byName.get(id) > 1) {
                id = id + " at " + pathKey(d.identifyingPath().steps());
            }
            int n = seen.merge(id, 1, Integer::sum);
            d.identity = n == 1 ? id : id + " #" + n;
        }
    }

    /**
     * A path as the root's simple class name and the field names from it ({@code Broker.metadata.registry}),
     * array indices as {@code [*]}: a hash table's slot can move with identity hashes between runs.
     */
    public static String pathKey(List<PathStep> steps) {
        if (steps.isEmpty()) {
            return "(no path)";
        }
        StringBuilder key = new StringBuilder(simpleName(steps.get(0).className()));
        for (int i = 1; i < steps.size(); i++) {
            String field = steps.get(i).field() == null ? "?" : steps.get(i).field();
            key.append(field.startsWith("[") ? "[*]" : "." + field);
        }
        return key.toString();
    }

    /** {@code org.apache.kafka.timeline.SnapshotRegistry} -> {@code SnapshotRegistry}; nested names keep their outer class. */
    public static String simpleName(String className) {
        String bare = className.startsWith("class ") ? className.substring(6) : className;
        return bare.substring(bare.lastIndexOf('.') + 1);
    }
}
