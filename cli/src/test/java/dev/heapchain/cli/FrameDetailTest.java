package dev.heapchain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Java-frame root says where: thread name, frame, method, file and line, in every report and
 * format, by default (thread names are names, not values).
 */
class FrameDetailTest {
    static final String DRAIN = "thread \"acme-order-worker\", frame 1: com.acme.secret.OrderWorker.drain(OrderWorker.java:212)";

    @TempDir
    Path dir;

    @Test
    void analyzeTextJsonAndHtml() throws Exception {
        Path dump = ThreadDumps.write(dir.resolve("t.hprof"));
        Cli text = Cli.run("analyze", "-q", dump.toString());
        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().contains("GC root: Java frame (" + DRAIN + ")"), text.out());
        assertTrue(text.out().contains("held by " + DRAIN), "the suspect names its thread and method: " + text.out());
        JsonNode doc = new ObjectMapper().readTree(Cli.run("analyze", "-q", dump.toString(), "--json", "-").out());
        assertEquals(DRAIN, doc.at("/suspects/0/rootDetail").asText(), doc.at("/suspects/0").toPrettyString());
        assertEquals(DRAIN, doc.at("/suspects/0/heldBy").asText());
        Path html = dir.resolve("r.html");
        assertEquals(0, Cli.run("analyze", "-q", dump.toString(), "--html", html.toString()).code());
        JsonNode data = AnalyzeHtmlTest.island(Files.readString(html));
        assertEquals(DRAIN, data.at("/report/suspects/0/rootDetail").asText());
        assertEquals(DRAIN, data.at("/view/topObjects/0/path/rootDetail").asText());
    }

    @Test
    void topAndPaths() throws Exception {
        Path dump = ThreadDumps.write(dir.resolve("t.hprof"));
        Cli top = Cli.run("top", "-q", dump.toString(), "--limit", "1");
        assertTrue(top.out().contains("GC root: Java frame (" + DRAIN + ")"), top.toString());
        JsonNode doc = new ObjectMapper().readTree(Cli.run("top", "-q", dump.toString(), "--json", "-").out());
        assertEquals(DRAIN, doc.at("/objects/0/path/rootDetail").asText());
        Cli paths = Cli.run("paths", "-q", dump.toString(), "--class", ThreadDumps.CACHE);
        assertTrue(paths.out().contains("GC root: Java frame (" + DRAIN + ")"), paths.toString());
    }

    @Test
    void withoutStackRecordsTheFrameIsKnownByDepthOnly() {
        Path dump = ThreadDumps.android(dir.resolve("a.hprof"));
        Cli top = Cli.run("top", "-q", dump.toString(), "--limit", "1");
        assertEquals(0, top.code(), top.toString());
        assertTrue(top.out().contains("GC root: Java frame (thread \"main\", frame 2)\n"), top.out());
    }
}
