package dev.heapchain.history;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Names a chain the same way in every dump: the container's class and the path from the GC root to
 * it, as the root's class and field names ({@code SnapshotRegistry at class Broker.metadata.registry}).
 * Object ids are left out since they change between dumps, and so are array indices ({@code [*]}):
 * a hash table's slot can move with identity hashes from one run to the next. Chains that share a
 * key are told apart by their order in the report (largest first). A chain without a container is
 * named by its oldest snapshot's class and path instead.
 */
final class ChainKey {
    private ChainKey() {
    }

    static String of(JsonNode chain) {
        JsonNode container = chain.path("container");
        boolean owned = container.isObject();
        String target = owned ? container.path("class").asText() : chain.path("oldest").path("class").asText();
        JsonNode steps = owned ? chain.path("pathToContainer") : chain.path("pathToOldest");
        StringBuilder key = new StringBuilder(target);
        if (!owned) {
            key.append(" (no owner)");
        }
        if (steps.isEmpty()) {
            return key.append(" at (no path)").toString();
        }
        key.append(" at ").append(steps.get(0).path("class").asText());
        for (int i = 1; i < steps.size(); i++) {
            String field = steps.get(i).path("field").asText("?");
            key.append(field.startsWith("[") ? "[*]" : "." + field);
        }
        return key.toString();
    }
}
