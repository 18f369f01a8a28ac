package dev.heapchain.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heapchain.report.AnalyzeJson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads {@link ReportFacts} from a {@code heapchain.analyze/1} document. */
public final class ReportReader {
    private ReportReader() {
    }

    /** @throws IllegalArgumentException naming the source when the document is not an analyze report */
    public static ReportFacts read(JsonNode doc, String source) {
        String schema = doc.path("schema").asText("");
        if (!schema.equals(AnalyzeJson.SCHEMA)) {
            throw new IllegalArgumentException(source + " is not a " + AnalyzeJson.SCHEMA + " report (schema: "
                    + (schema.isEmpty() ? "none" : schema) + ")");
        }
        List<ReportFacts.Chain> chains = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode c : required(doc, "chains", source)) {
            String key = ChainKey.of(c);
            int n = seen.merge(key, 1, Integer::sum);
            // Two chains under one path (say, registries in one array slot over time) stay apart by order.
            chains.add(new ReportFacts.Chain(n == 1 ? key : key + " #" + n, c.path("length").asLong(),
                    c.path("minEpoch").asLong(), c.path("maxEpoch").asLong(), c.path("retainedBytes").asLong(), pins(c)));
        }
        List<ReportFacts.Epoch> epochs = new ArrayList<>();
        for (JsonNode e : doc.path("epochs")) {
            epochs.add(new ReportFacts.Epoch(e.path("epoch").asLong(), e.path("count").asLong(), e.path("retainedBytes").asLong()));
        }
        List<ReportFacts.ClassRow> classes = null;
        if (doc.has("classes")) {
            classes = new ArrayList<>();
            for (JsonNode c : doc.get("classes")) {
                classes.add(new ReportFacts.ClassRow(c.path("class").asText(), c.path("instances").asLong(),
                        c.path("shallowBytes").asLong(), c.path("retainedBytes").asLong()));
            }
        }
        List<String> reasons = new ArrayList<>();
        doc.path("verdict").path("reasons").forEach(r -> reasons.add(r.asText()));
        JsonNode dump = doc.path("dump");
        return new ReportFacts(source, dump.path("file").asText(source), dump.path("capturedAtEpochMillis").asLong(),
                doc.path("graph").path("reachableBytes").asLong(), doc.path("maxLiveEpochs").asInt(32),
                required(doc.path("verdict"), "leak", source).asBoolean(), List.copyOf(reasons), List.copyOf(chains),
                List.copyOf(epochs), classes == null ? null : List.copyOf(classes));
    }

    private static List<ReportFacts.Pin> pins(JsonNode chain) {
        List<ReportFacts.Pin> pins = new ArrayList<>();
        for (JsonNode p : chain.path("pins")) {
            JsonNode field = p.path("field");
            pins.add(new ReportFacts.Pin(p.path("kind").asText(), p.path("holder").path("class").asText(),
                    field.isTextual() ? field.asText() : null));
        }
        return List.copyOf(pins);
    }

    private static JsonNode required(JsonNode parent, String field, String source) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException(source + " is not a complete analyze report: \"" + field + "\" is missing");
        }
        return n;
    }
}
