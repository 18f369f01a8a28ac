package dev.heapchain.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.report.Json;

import java.io.IOException;
import java.io.Writer;

/** The {@code heapchain.trend/1} document: points oldest first, and the fitted growth. */
public final class TrendJson {
    public static final String SCHEMA = "heapchain.trend/1";

    private TrendJson() {
    }

    public static ObjectNode tree(TrendReport t, String toolVersion) {
        ObjectMapper m = Json.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("schema", SCHEMA);
        root.set("tool", Json.tool(m, toolVersion));
        root.put("spanHours", t.spanHours());
        ArrayNode points = root.putArray("dumps");
        for (TrendReport.Point p : t.points()) {
            ObjectNode o = points.addObject();
            o.put("source", p.source());
            o.put("capturedAtEpochMillis", p.capturedAtEpochMillis());
            o.put("leak", p.outcome() == dev.heapchain.analysis.chain.Verdicts.Outcome.LEAK);
            o.put("outcome", p.outcome().label());
            o.put("oldestEpoch", p.oldestEpoch());
            o.put("newestEpoch", p.newestEpoch());
            o.put("chainRetainedBytes", p.chainRetainedBytes());
            o.put("liveHeapBytes", p.liveHeapBytes());
            ArrayNode chains = o.putArray("chains");
            p.chains().forEach(c -> chains.addObject().put("key", c.key()).put("snapshots", c.snapshots()));
        }
        ObjectNode growth = root.putObject("growth");
        growth.set("chainRetainedBytes", fit(m, t.chains()));
        growth.set("liveHeapBytes", fit(m, t.heap()));
        ObjectNode verdict = root.putObject("verdict");
        verdict.put("outcome", t.outcome().label());
        verdict.set("across", dev.heapchain.report.AnalyzeJson.reasons(m, t.across()));
        ObjectNode check = root.putObject("check");
        if (t.limit() == null) {
            check.putNull("limit");
        } else {
            check.putObject("limit").put("perHour", t.limit().perHour()).put("unit", t.limit().percent() ? "percent" : "bytes");
        }
        check.put("failed", t.failed());
        t.failures().forEach(check.putArray("reasons")::add);
        return root;
    }

    public static void write(TrendReport t, String toolVersion, Writer out) throws IOException {
        Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(out, tree(t, toolVersion));
        out.write('\n');
        out.flush();
    }

    private static ObjectNode fit(ObjectMapper m, TrendReport.Fit f) {
        ObjectNode o = m.createObjectNode();
        o.put("bytesPerHour", Math.round(f.bytesPerHour()));
        o.put("startBytes", Math.round(f.startBytes()));
        o.put("baseBytes", f.baseBytes());
        // Null on a first dump under 1 MB as well as on one of 0: baseBytes says which.
        o.put("percentPerHour", f.reportedPercentPerHour());
        return o;
    }
}
