package dev.heapchain.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.ObjectReport;
import dev.heapchain.analysis.PathStep;
import dev.heapchain.analysis.RootPath;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** Text and JSON for lists of objects with their GC-root paths: `top` and `paths`. */
public final class ObjectsReport {
    private ObjectsReport() {
    }

    public static void text(String title, EngineSummary s, List<ObjectReport> objects, PrintWriter out) {
        header(s, out);
        out.println(title);
        int i = 0;
        for (ObjectReport o : objects) {
            out.printf(Locale.ROOT, "%n%d. %s %s  retained %s (%s bytes), shallow %s%n", ++i, o.className(),
                    Units.hexId(o.objectId()), o.retainedBytes() < 0 ? "-" : Units.bytes(o.retainedBytes()),
                    o.retainedBytes() < 0 ? "unreachable" : Units.count(o.retainedBytes()), Units.count(o.shallowBytes()));
            path(o.path(), "   ", out);
        }
        if (objects.isEmpty()) {
            out.println("(none)");
        }
        out.flush();
    }

    public static void header(EngineSummary s, PrintWriter out) {
        var d = s.dump();
        // Split as the histogram's header is, so the two counts are seen to agree.
        out.printf(Locale.ROOT, "%s: %s, id size %d, %s; %s reachable, %s unreachable; %s references%n",
                d.file(), d.format(), d.idSize(), objectCount(s.nodes(), s.classObjects()), Units.count(s.reachableObjects()),
                Units.count(s.unreachableObjects()), Units.count(s.edges()));
        out.printf(Locale.ROOT, "size model: %s; reachable heap %s; weak references %s%n", s.sizeModel().id(),
                Units.bytes(s.reachableBytes()), s.stats().keepWeak() ? "kept (--keep-weak)" : "left out");
        if (d.truncated()) {
            out.println("TRUNCATED DUMP: partial result (see warnings)");
        }
        out.println();
    }

    /**
     * "757,174 objects (748,050 instances and arrays, 9,124 class objects)": the engine counts class
     * objects as objects (they are graph nodes), the histogram lists instances and arrays only.
     */
    public static String objectCount(long objects, long classObjects) {
        return Units.count(objects) + " objects (" + Units.count(objects - classObjects) + " instances and arrays, "
                + Units.count(classObjects) + " class objects)";
    }

    /** Root first, one step per line. */
    public static void path(RootPath p, String indent, PrintWriter out) {
        if (!p.reachable()) {
            out.println(indent + "(not reachable from any GC root)");
            return;
        }
        out.println(indent + "GC root: " + p.rootKind() + (p.rootDetail() == null ? "" : " (" + p.rootDetail() + ")"));
        for (PathStep step : p.steps()) {
            String via = step.field() == null ? "" : "." + step.field() + " -> ";
            out.println(indent + "  " + via + step.className() + " " + Units.hexId(step.objectId()));
        }
    }

    /**
     * The document is streamed: {@code paths --class} writes tens of thousands of path steps, which
     * as a tree would be built in memory first. Same bytes as the tree with INDENT_OUTPUT.
     */
    public static void json(String schema, EngineSummary s, List<ObjectReport> objects, String toolVersion, Writer out)
            throws IOException {
        ObjectMapper m = Json.mapper();
        ObjectNode root = Json.engineDocument(m, schema, toolVersion, s, true);
        try (JsonGenerator g = m.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            writeEngineFields(g, m, root);
            g.writeArrayFieldStart("objects");
            for (ObjectReport o : objects) {
                g.writeStartObject();
                g.writeStringField("objectId", Units.hexId(o.objectId()));
                g.writeStringField("class", o.className());
                g.writeNumberField("shallowBytes", o.shallowBytes());
                if (o.retainedBytes() < 0) {
                    g.writeNullField("retainedBytes");
                } else {
                    g.writeNumberField("retainedBytes", o.retainedBytes());
                }
                g.writeFieldName("path");
                writePath(g, o.path());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /** The fields of {@link Json#engineDocument} (schema, tool, dump, size model, graph), in order. */
    static void writeEngineFields(JsonGenerator g, ObjectMapper m, ObjectNode root) throws IOException {
        for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) root::fields) {
            g.writeFieldName(field.getKey());
            m.writeTree(g, field.getValue());
        }
    }

    private static void writePath(JsonGenerator g, RootPath p) throws IOException {
        g.writeStartObject();
        g.writeStringField("rootKind", p.reachable() ? p.rootKind() : null);
        g.writeStringField("rootDetail", p.reachable() ? p.rootDetail() : null);
        g.writeArrayFieldStart("steps");
        if (p.reachable()) {
            for (PathStep step : p.steps()) {
                g.writeStartObject();
                g.writeStringField("objectId", Units.hexId(step.objectId()));
                g.writeStringField("class", step.className());
                g.writeStringField("field", step.field());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static ObjectNode pathJson(ObjectMapper m, RootPath p) {
        ObjectNode o = m.createObjectNode();
        if (!p.reachable()) {
            o.putNull("rootKind");
            o.putNull("rootDetail");
            o.putArray("steps");
            return o;
        }
        o.put("rootKind", p.rootKind());
        if (p.rootDetail() == null) {
            o.putNull("rootDetail");
        } else {
            o.put("rootDetail", p.rootDetail());
        }
        ArrayNode steps = o.putArray("steps");
        for (PathStep step : p.steps()) {
            ObjectNode s = steps.addObject();
            s.put("objectId", Units.hexId(step.objectId()));
            s.put("class", step.className());
            if (step.field() == null) {
                s.putNull("field");
            } else {
                s.put("field", step.field());
            }
        }
        return o;
    }
}
