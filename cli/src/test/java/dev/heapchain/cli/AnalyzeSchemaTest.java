package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The published schema is a valid draft 2020-12 schema and is strict enough to catch the mistakes
 * a change to AnalyzeJson could make. The base document is the golden JSON, which passes.
 */
class AnalyzeSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode golden() throws IOException {
        try (InputStream in = AnalyzeSchemaTest.class.getResourceAsStream("/golden/analyze-snapshots.json")) {
            return (ObjectNode) MAPPER.readTree(in);
        }
    }

    private static void assertRejected(String what, Consumer<ObjectNode> change) throws IOException {
        ObjectNode doc = golden();
        change.accept(doc);
        assertFalse(AnalyzeSchema.errors(doc.toString()).isEmpty(), what + " should break the schema");
    }

    private static ObjectNode chain(ObjectNode doc) {
        return (ObjectNode) doc.get("chains").get(0);
    }

    private static ObjectNode pin(ObjectNode doc) {
        return (ObjectNode) chain(doc).get("pins").get(0);
    }

    @Test
    void schemaIsAValidDraft202012Schema() {
        var meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(java.util.List.of(), meta.validate(AnalyzeSchema.text(), InputFormat.JSON));
    }

    @Test
    void goldenDocumentPasses() throws IOException {
        AnalyzeSchema.assertValid(golden().toString());
    }

    @Test
    void rejectsWhatAChangeCouldBreak() throws IOException {
        assertRejected("a numeric object id", d -> chain(d).withObjectProperty("oldest").put("objectId", 123));
        assertRejected("an upper-case hex id", d -> pin(d).withObjectProperty("holder").put("objectId", "0x7F00"));
        assertRejected("an id without 0x", d -> chain(d).withObjectProperty("container").put("objectId", "7f00"));
        assertRejected("a missing verdict", d -> d.remove("verdict"));
        assertRejected("an unknown top-level field", d -> d.put("analyzedAt", "2024-01-01"));
        assertRejected("another schema id", d -> d.put("schema", "heapchain.analyze/2"));
        assertRejected("a leak without reasons", d -> d.withObjectProperty("verdict").putArray("reasons"));
        assertRejected("no leak with reasons", d -> d.withObjectProperty("verdict").put("leak", false));
        assertRejected("a path step without field", d -> ((ObjectNode) chain(d).get("pathToOldest").get(1)).remove("field"));
        assertRejected("a missing dump size", d -> d.withObjectProperty("dump").remove("sizeBytes"));
        assertRejected("a bookkeeping pin without its head epoch", d -> pin(d).put("kind", "bookkeeping"));
        assertRejected("a direct pin without its field", d -> pin(d).putNull("field"));
        assertRejected("a string size", d -> chain(d).put("retainedBytes", "5.9 KB"));
        assertRejected("an unknown basis", d -> d.put("epochRetainedBasis", "approximate"));
    }

    @Test
    void allowsTheDocumentedNulls() throws IOException {
        ObjectNode doc = golden();
        chain(doc).putNull("container");
        chain(doc).putArray("pathToContainer");
        ((ObjectNode) doc.get("epochs").get(0)).putNull("topRetainedClasses");
        doc.withObjectProperty("dump").withArrayProperty("warnings").addObject().put("kind", "missing-class").putNull("offset").put("message", "m");
        AnalyzeSchema.assertValid(doc.toString());
        JsonNode same = golden();
        assertTrue(same.get("chains").get(0).get("container").isObject(), "golden() gives a fresh copy");
    }
}
