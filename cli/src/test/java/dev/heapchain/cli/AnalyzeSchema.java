package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The published docs/schema/analyze-2.schema.json, read from the repository (not a copy), so the
 * document users validate against is the one the tests hold the output to.
 */
final class AnalyzeSchema {
    /** Surefire runs in the module folder (cli/); the docs are beside it. */
    static final Path FILE = Path.of("..", "docs", "schema", "analyze-2.schema.json");
    private static Schema schema;

    private AnalyzeSchema() {
    }

    static String text() {
        try {
            return Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the published schema " + FILE.toAbsolutePath(), e);
        }
    }

    static synchronized Schema schema() {
        if (schema == null) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(text(), InputFormat.JSON);
        }
        return schema;
    }

    static List<Error> errors(String json) {
        return schema().validate(json, InputFormat.JSON);
    }

    static void assertValid(String json) {
        assertTrue(json.contains("\"heapchain.analyze/2\""), "not an analyze document:\n" + json);
        List<Error> errors = errors(json);
        if (!errors.isEmpty()) {
            StringBuilder sb = new StringBuilder("analyze JSON breaks " + FILE + ":");
            errors.stream().limit(20).forEach(e -> sb.append("\n  ").append(e));
            fail(sb.toString());
        }
    }
}
