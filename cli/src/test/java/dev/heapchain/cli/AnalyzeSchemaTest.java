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
        assertRejected("another schema id", d -> d.put("schema", "heapchain.analyze/1"));
        assertRejected("an outcome the schema does not know", d -> d.withObjectProperty("verdict").put("outcome", "maybe"));
        assertRejected("the analyze/1 verdict", d -> d.withObjectProperty("verdict").put("leak", true));
        assertRejected("a reason without its kind", d -> ((ObjectNode) d.at("/verdict/reasons/0")).remove("kind"));
        assertRejected("an unknown reason kind", d -> ((ObjectNode) d.at("/verdict/reasons/0")).put("kind", "epoch-trail"));
        assertRejected("a chain without identity", d -> chain(d).remove("identity"));
        assertRejected("a watermark without its counts", d -> chain(d).putObject("watermark").put("field", "x"));
        assertRejected("the analyze/1 gap fields", d -> chain(d).put("missingEpochs", 3));
        assertRejected("a suspect share above 1", d -> ((ObjectNode) d.at("/suspects/0")).put("share", 2.5));
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
        ((ObjectNode) doc.at("/groups/0/epochs/0")).putNull("topRetainedClasses");
        chain(doc).putNull("watermark");
        ((ObjectNode) doc.at("/suspects/0")).putNull("heldBy");
        ((ObjectNode) doc.at("/suspects/0/accumulation")).putNull("childClass");
        doc.withObjectProperty("dump").withArrayProperty("warnings").addObject().put("kind", "missing-class").putNull("offset").put("message", "m");
        AnalyzeSchema.assertValid(doc.toString());
        JsonNode same = golden();
        assertTrue(same.get("chains").get(0).get("container").isObject(), "golden() gives a fresh copy");
    }
}
