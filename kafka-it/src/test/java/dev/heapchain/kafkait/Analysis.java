package dev.heapchain.kafkait;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One analyze run: the JSON document (heapchain.analyze/2: verdict.outcome, chains with owner,
 * outcome, reasons and watermark), the wall time of the child JVM, and the dump's size.
 */
record Analysis(JsonNode json, Duration wallTime, long dumpBytes) {
    static final String QUORUM_CONTROLLER_OWNER = "QuorumController.snapshotRegistry";

    String schema() {
        return json.path("schema").asText();
    }

    String outcome() {
        return json.path("verdict").path("outcome").asText(null);
    }

    List<JsonNode> chains() {
        List<JsonNode> chains = new ArrayList<>();
        json.path("chains").forEach(chains::add);
        return chains;
    }

    /** Chains whose owner label names the given field, e.g. QuorumController.snapshotRegistry. */
    List<JsonNode> chainsOwnedBy(String label) {
        return chains().stream().filter(c -> c.path("owner").path("label").asText("").contains(label)).toList();
    }

    /** The active controller's chain, by its owner label. */
    Optional<JsonNode> quorumControllerChain() {
        return chainsOwnedBy(QUORUM_CONTROLLER_OWNER).stream().findFirst();
    }

    static List<String> reasonKinds(JsonNode chain) {
        List<String> kinds = new ArrayList<>();
        chain.path("reasons").forEach(r -> kinds.add(r.path("kind").asText()));
        return kinds;
    }

    /** One line per case, for quoting: outcome, chains, the controller chain's extent, dump size, analyze time. */
    String summary(String caseName) {
        String controller = quorumControllerChain()
                .map(c -> "QuorumController chain length " + c.path("length").asText() + ", epochs "
                        + c.path("minEpoch").asText() + ".." + c.path("maxEpoch").asText()
                        + ", " + c.path("outcome").asText() + " " + reasonKinds(c) + ", watermark " + c.path("watermark"))
                .orElse("no QuorumController chain");
        return String.format(Locale.ROOT, "kafka-it %s: %s outcome %s; %d chains; %s; dump %.1f MB; analyze %.2f s",
                caseName, schema(), outcome(), chains().size(), controller, dumpBytes / 1e6, wallTime.toMillis() / 1e3);
    }
}
