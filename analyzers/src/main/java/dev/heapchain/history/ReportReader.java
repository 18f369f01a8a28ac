package dev.heapchain.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heapchain.analysis.chain.Verdicts;
import dev.heapchain.report.AnalyzeJson;

import java.util.ArrayList;
import java.util.List;

/** Reads {@link ReportFacts} from a {@code heapchain.analyze/2} document. */
public final class ReportReader {
    private ReportReader() {
    }

    /** @throws IllegalArgumentException naming the source when the document is not an analyze/2 report */
    public static ReportFacts read(JsonNode doc, String source) {
        String schema = doc.path("schema").asText("");
        if (schema.equals("heapchain.analyze/1")) {
            throw new IllegalArgumentException(source + " is a heapchain.analyze/1 report, whose verdicts came from epoch "
                    + "arithmetic; analyze its dump again for a " + AnalyzeJson.SCHEMA + " report (docs/schema/CHANGES.md)");
        }
        if (!schema.equals(AnalyzeJson.SCHEMA)) {
            throw new IllegalArgumentException(source + " is not a " + AnalyzeJson.SCHEMA + " report (schema: "
                    + (schema.isEmpty() ? "none" : schema) + ")");
        }
        try {
            List<ReportFacts.Chain> chains = new ArrayList<>();
            for (JsonNode c : required(doc, "chains", source)) {
                chains.add(new ReportFacts.Chain(required(c, "identity", source).asText(), c.path("length").asLong(),
                        c.path("minEpoch").asLong(), c.path("maxEpoch").asLong(), c.path("retainedBytes").asLong(), pins(c),
                        watermark(c.path("watermark")), Verdicts.Outcome.of(required(c, "outcome", source).asText()),
                        reasons(c.path("reasons"))));
            }
            List<ReportFacts.Epoch> epochs = new ArrayList<>();
            for (JsonNode g : doc.path("groups")) {
                for (JsonNode e : g.path("epochs")) {
                    epochs.add(new ReportFacts.Epoch(g.path("owner").asText(), e.path("epoch").asLong(), e.path("count").asLong(),
                            e.path("retainedBytes").asLong()));
                }
            }
            List<ReportFacts.ClassRow> classes = null;
            if (doc.has("classes")) {
                classes = new ArrayList<>();
                for (JsonNode c : doc.get("classes")) {
                    classes.add(new ReportFacts.ClassRow(c.path("class").asText(), c.path("instances").asLong(),
                            c.path("shallowBytes").asLong(), c.path("retainedBytes").asLong()));
                }
            }
            JsonNode verdict = required(doc, "verdict", source);
            JsonNode dump = doc.path("dump");
            return new ReportFacts(source, dump.path("file").asText(source), dump.path("capturedAtEpochMillis").asLong(),
                    doc.path("graph").path("reachableBytes").asLong(), doc.path("limits").path("maxSnapshots").asInt(32),
                    Verdicts.Outcome.of(required(verdict, "outcome", source).asText()), reasons(verdict.path("reasons")),
                    List.copyOf(chains), List.copyOf(epochs), classes == null ? null : List.copyOf(classes));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(source)) {
                throw e;
            }
            throw new IllegalArgumentException(source + " is not a valid analyze report: " + e.getMessage(), e);
        }
    }

    private static Verdicts.Watermark watermark(JsonNode w) {
        if (!w.isObject()) {
            return null;
        }
        JsonNode written = w.path("written");
        return new Verdicts.Watermark(w.path("field").asText(), w.path("liveEpochsHead").asBoolean(), w.path("value").asLong(),
                w.path("below").asLong(), w.path("above").asLong(), written.isNumber() ? written.asLong() : null);
    }

    private static List<Verdicts.Reason> reasons(JsonNode reasons) {
        List<Verdicts.Reason> out = new ArrayList<>();
        for (JsonNode r : reasons) {
            out.add(new Verdicts.Reason(Verdicts.Outcome.of(r.path("outcome").asText()), r.path("kind").asText(),
                    r.path("chain").asText(), r.path("text").asText()));
        }
        return List.copyOf(out);
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
