package dev.heapchain.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.analysis.ClassHistogram;

import java.io.IOException;
import java.io.Writer;

/** The {@code heapchain.histogram/1} JSON document. */
public final class HistogramJson {
    public static final String SCHEMA = "heapchain.histogram/1";

    private HistogramJson() {
    }

    public static void write(ClassHistogram h, int classesInDump, String toolVersion, Writer out) throws IOException {
        ObjectMapper mapper = Json.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.set("tool", Json.tool(mapper, toolVersion));
        root.set("dump", Json.dump(mapper, h.dump()));
        root.set("sizeModel", Json.sizeModel(mapper, h.sizeModel()));
        ObjectNode totals = root.putObject("totals");
        totals.put("classes", classesInDump);
        totals.put("instances", h.totalInstances());
        totals.put("shallowBytes", h.totalShallowBytes());
        totals.put("classObjects", h.classObjects());
        ArrayNode rows = root.putArray("classes");
        for (ClassHistogram.Row r : h.rows()) {
            ObjectNode o = rows.addObject();
            o.put("class", r.className());
            if (r.classId() == null) {
                o.putNull("classId");
            } else {
                o.put("classId", Units.hexId(r.classId()));
            }
            o.put("instances", r.instances());
            o.put("shallowBytes", r.shallowBytes());
        }
        mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(out, root);
        out.write('\n');
        out.flush();
    }
}
