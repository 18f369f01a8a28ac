package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * analyze reports whose class names hold {@link ChainDumps#SCRIPT} and {@link ChainDumps#IMG}, for
 * the compare and trend pages. A dump cannot carry a '/' in a class name (HPROF's separator; the
 * reader turns it into '.'), so the reports are made from hostile dumps and then edited: a report is
 * a file anyone can write, as untrusted as a dump.
 */
final class HostileReports {
    /** The registry class as the edited reports name it: a script element's end tag and start tag. */
    static final String REGISTRY = "com.example.Registry" + ChainDumps.SCRIPT;

    private HostileReports() {
    }

    /** A report of {@code snapshots} hostile-named snapshots, captured at {@code capturedAt}. */
    static Path write(Path dir, String name, int snapshots, long capturedAt) throws Exception {
        Path dump = ChainDumps.write(dir, name + ".hprof", ChainDumps.IMG, "com.example.Registry<.script><script>alert(1)<.script>",
                ChainDumps.SCRIPT, ChainDumps.THREAD, snapshots);
        Path report = dir.resolve(name + ".json");
        String[] args = {"analyze", "-q", dump.toString(), "--json", report.toString(), "--class", ChainDumps.IMG,
                "--epoch-field", "e", "--link-field", "next"};
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), r::toString);
        // Jackson writes '<' and '/' unescaped, so the dump's dotted name is found and restored as written.
        String text = Files.readString(report, StandardCharsets.UTF_8).replace("<.script>", "</script>");
        assertTrue(text.contains(REGISTRY), "the edit found the registry's name");
        ObjectMapper m = new ObjectMapper();
        ObjectNode doc = (ObjectNode) m.readTree(text);
        ((ObjectNode) doc.get("dump")).put("capturedAtEpochMillis", capturedAt);
        m.writeValue(report.toFile(), doc);
        return report;
    }
}
