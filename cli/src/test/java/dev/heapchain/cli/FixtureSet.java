package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.fixtures.FixtureDumps;
import dev.heapchain.fixtures.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Real snapshot-module dumps and their analyze reports, made once per test JVM and shared by the
 * test classes (each dump costs a child JVM). Reports can carry a chosen capture time, so trend
 * tests control the hours between them.
 */
final class FixtureSet {
    private static Path dir;
    private static final Map<String, Path> MADE = new HashMap<>();

    private FixtureSet() {
    }

    static synchronized Path dir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("heapchain-cli-fixtures-");
            dir.toFile().deleteOnExit();
        }
        return dir;
    }

    static synchronized Path dump(Variant v, int images) throws Exception {
        String name = v.cliName() + "-" + images + ".hprof";
        Path p = MADE.get(name);
        if (p == null) {
            p = FixtureDumps.write(v, images, 3, 0, 42, dir().resolve(name));
            p.toFile().deleteOnExit();
            MADE.put(name, p);
        }
        return p;
    }

    /** The analyze report of a fixture dump, with its capture time replaced by {@code capturedAt}. */
    static synchronized Path report(Variant v, int images, long capturedAt) throws Exception {
        String name = v.cliName() + "-" + images + "-" + capturedAt + ".json";
        Path p = MADE.get(name);
        if (p == null) {
            p = dir().resolve(name);
            Cli r = Cli.run("analyze", "-q", dump(v, images).toString(), "--json", p.toString());
            assertEquals(0, r.code(), r::toString);
            ObjectMapper m = new ObjectMapper();
            ObjectNode doc = (ObjectNode) m.readTree(p.toFile());
            ((ObjectNode) doc.get("dump")).put("capturedAtEpochMillis", capturedAt);
            m.writeValue(p.toFile(), doc);
            p.toFile().deleteOnExit();
            MADE.put(name, p);
        }
        return p;
    }
}
