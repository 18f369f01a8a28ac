package dev.heapchain.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.analysis.DumpFacts;
import dev.heapchain.graph.SizeModel;
import dev.heapchain.hprof.HprofWarning;

/** Shared JSON pieces: every heapchain document has the same tool, dump and sizeModel objects. */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        m.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        return m;
    }

    /**
     * The opening every engine-based document shares: schema, tool, dump, sizeModel and graph.
     *
     * @param details whether graph also lists dangling references and weak references left out
     *                (top and paths do; the analyze schema keeps graph to the summary figures)
     */
    public static ObjectNode engineDocument(ObjectMapper m, String schema, String toolVersion,
                                            dev.heapchain.analysis.EngineSummary s, boolean details) {
        ObjectNode root = m.createObjectNode();
        root.put("schema", schema);
        root.set("tool", tool(m, toolVersion));
        root.set("dump", dump(m, s.dump()));
        root.set("sizeModel", sizeModel(m, s.sizeModel()));
        ObjectNode graph = root.putObject("graph");
        graph.put("objects", s.nodes());
        graph.put("classObjects", s.classObjects());
        graph.put("references", s.edges());
        graph.put("reachableObjects", s.reachableObjects());
        graph.put("unreachableObjects", s.unreachableObjects());
        graph.put("reachableBytes", s.reachableBytes());
        if (details) {
            graph.put("danglingReferences", s.stats().danglingReferences());
        }
        graph.put("weakReferencesKept", s.stats().keepWeak());
        if (details) {
            graph.put("weakReferencesLeftOut", s.stats().weakEdgesSkipped());
        }
        return root;
    }

    public static ObjectNode tool(ObjectMapper m, String version) {
        ObjectNode t = m.createObjectNode();
        t.put("name", "heapchain");
        t.put("version", version);
        return t;
    }

    public static ObjectNode dump(ObjectMapper m, DumpFacts d) {
        ObjectNode o = m.createObjectNode();
        o.put("file", d.file());
        o.put("sizeBytes", d.sizeBytes());
        o.put("format", d.format());
        o.put("compression", d.compression());
        o.put("idSize", d.idSize());
        o.put("capturedAtEpochMillis", d.timestampMillis());
        o.put("dumpNumber", d.dumpNumber());
        o.put("dumpCount", d.dumpCount());
        o.put("objects", d.objects());
        o.put("instances", d.instances());
        o.put("objectArrays", d.objectArrays());
        o.put("primitiveArrays", d.primitiveArrays());
        o.put("classes", d.classes());
        o.put("gcRoots", d.gcRoots());
        o.put("truncated", d.truncated());
        ArrayNode w = o.putArray("warnings");
        for (HprofWarning warning : d.warnings()) {
            ObjectNode x = w.addObject();
            x.put("kind", warning.kind());
            if (warning.offset() < 0) {
                x.putNull("offset");
            } else {
                x.put("offset", warning.offset());
            }
            x.put("message", warning.message());
        }
        return o;
    }

    public static ObjectNode sizeModel(ObjectMapper m, SizeModel s) {
        ObjectNode o = m.createObjectNode();
        o.put("id", s.id());
        o.put("referenceBytes", s.referenceSize());
        o.put("headerBytes", s.headerSize());
        o.put("arrayLengthOffset", s.arrayLengthOffset());
        o.put("alignmentBytes", s.alignment());
        o.put("fieldLayout", s.layout().name().toLowerCase(java.util.Locale.ROOT));
        o.put("basis", s.basis());
        return o;
    }
}
