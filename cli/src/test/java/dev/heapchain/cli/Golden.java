package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/golden/: the approved copy of what a person reads.
 * {@code -Dheapchain.updateGolden=true} rewrites them from the current output instead of comparing;
 * review the diff before committing.
 */
final class Golden {
    static final boolean UPDATE = Boolean.getBoolean("heapchain.updateGolden");

    private Golden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        String resource = "/golden/" + name;
        if (UPDATE) {
            // Surefire runs in the module folder, so this is the source tree, not target/.
            Path target = Path.of("src/test/resources" + resource);
            Files.createDirectories(target.getParent());
            Files.writeString(target, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected;
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "missing " + resource + "; create it with -Dheapchain.updateGolden=true");
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual, resource + " differs; if the change is intended, rerun with -Dheapchain.updateGolden=true");
    }
}
