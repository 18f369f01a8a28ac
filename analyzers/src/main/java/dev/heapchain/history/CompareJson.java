package dev.heapchain.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.report.Json;

import java.io.IOException;
import java.io.Writer;

/** The {@code heapchain.compare/1} document. Deltas are current minus baseline. */
public final class CompareJson {
    public static final String SCHEMA = "heapchain.compare/1";

    private CompareJson() {
    }

    public static ObjectNode tree(Comparison c, String toolVersion) {
        ObjectMapper m = Json.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("schema", SCHEMA);
        root.set("tool", Json.tool(m, toolVersion));
        root.set("baseline", side(m, c.baseline()));
        root.set("current", side(m, c.current()));
        root.putObject("threshold").put("percent", c.threshold().percent()).put("bytes", c.threshold().bytes());
        ObjectNode verdict = root.putObject("verdict");
        verdict.put("result", c.verdict());
        verdict.put("outcome", c.outcome().label());
        c.regressions().forEach(verdict.putArray("regressions")::add);
        c.improvements().forEach(verdict.putArray("improvements")::add);
        c.notes().forEach(verdict.putArray("notes")::add);
        ArrayNode chains = root.putArray("chains");
        for (Comparison.ChainDelta d : c.chains()) {
            ObjectNode o = chains.addObject();
            o.put("key", d.key());
            o.put("status", d.status());
            o.put("change", d.change());
            o.put("outcome", d.outcome().label());
            o.set("across", dev.heapchain.report.AnalyzeJson.reasons(m, d.across()));
            o.set("baseline", chain(m, d.baseline()));
            o.set("current", chain(m, d.current()));
            o.put("snapshotsDelta", d.snapshotsDelta());
            o.put("retainedBytesDelta", d.retainedDelta());
        }
        ArrayNode ranges = root.putArray("epochRanges");
        for (Comparison.EpochRange r : c.epochRanges()) {
            ObjectNode o = ranges.addObject();
            o.put("group", r.group());
            o.put("name", r.name());
            o.put("fromEpoch", r.fromEpoch());
            o.put("toEpoch", r.toEpoch());
            o.put("epochs", r.epochs());
            o.putObject("baseline").put("snapshots", r.baselineSnapshots()).put("retainedBytes", r.baselineRetainedBytes());
            o.putObject("current").put("snapshots", r.currentSnapshots()).put("retainedBytes", r.currentRetainedBytes());
            o.put("snapshotsDelta", r.currentSnapshots() - r.baselineSnapshots());
            o.put("retainedBytesDelta", r.currentRetainedBytes() - r.baselineRetainedBytes());
        }
        ObjectNode pins = root.putObject("pins");
        pins(pins.putArray("new"), c.newPins());
        pins(pins.putArray("vanished"), c.vanishedPins());
        if (c.classes() == null) {
            root.putNull("classes");
        } else {
            ArrayNode classes = root.putArray("classes");
            for (Comparison.ClassDelta d : c.classes()) {
                ObjectNode o = classes.addObject();
                o.put("class", d.className());
                o.set("baseline", row(m, d.baseline()));
                o.set("current", row(m, d.current()));
                o.put("instancesDelta", d.instancesDelta());
                o.put("shallowBytesDelta", d.shallowDelta());
                o.put("retainedBytesDelta", d.retainedDelta());
            }
        }
        return root;
    }

    public static void write(Comparison c, String toolVersion, Writer out) throws IOException {
        Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(out, tree(c, toolVersion));
        out.write('\n');
        out.flush();
    }

    static ObjectNode side(ObjectMapper m, ReportFacts r) {
        ObjectNode o = m.createObjectNode();
        o.put("source", r.source());
        o.put("dumpFile", r.dumpFile());
        o.put("capturedAtEpochMillis", r.capturedAtEpochMillis());
        o.put("leak", r.leak());
        o.put("outcome", r.outcome().label());
        o.put("chains", r.chains().size());
        o.put("snapshots", r.chainSnapshots());
        o.put("chainRetainedBytes", r.chainRetainedBytes());
        o.put("reachableBytes", r.reachableBytes());
        return o;
    }

    private static ObjectNode chain(ObjectMapper m, ReportFacts.Chain c) {
        if (c == null) {
            return null;
        }
        return m.createObjectNode().put("snapshots", c.snapshots()).put("minEpoch", c.minEpoch())
                .put("maxEpoch", c.maxEpoch()).put("retainedBytes", c.retainedBytes()).put("outcome", c.outcome().label());
    }

    private static ObjectNode row(ObjectMapper m, ReportFacts.ClassRow r) {
        return m.createObjectNode().put("instances", r.instances()).put("shallowBytes", r.shallowBytes())
                .put("retainedBytes", r.retainedBytes());
    }

    private static void pins(ArrayNode out, java.util.List<ReportFacts.Pin> pins) {
        for (ReportFacts.Pin p : pins) {
            out.addObject().put("kind", p.kind()).put("holderClass", p.holderClass()).put("field", p.field());
        }
    }
}
