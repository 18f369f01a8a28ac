package dev.heapchain.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapchain.report.Json;
import dev.heapchain.report.Units;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * Loads and initialises the report writers' classes (Jackson, the Formatter) on a background
 * thread while the engine's single-threaded read pass keeps the main thread busy: on a 1 GB dump
 * that takes about 0.15 s off the end of a run, where reports are written. Best effort: a daemon
 * thread whose failures nobody needs to hear about (the real writers would meet them again).
 */
final class Warmup {
    private Warmup() {
    }

    static void start() {
        Thread t = new Thread(Warmup::run, "heapchain-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            ObjectMapper m = Json.mapper();
            StringWriter out = new StringWriter();
            try (JsonGenerator g = m.getFactory().createGenerator(out)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
                g.writeStartObject();
                g.writeStringField("schema", "warmup");
                g.writeNumberField("n", 1L);
                g.writeNullField("none");
                g.writeFieldName("tree");
                m.writeTree(g, m.createObjectNode().put("x", 1).put("y", "z"));
                g.writeEndObject();
            }
            m.readTree(out.toString());
            PrintWriter text = new PrintWriter(new StringWriter());
            text.printf(Locale.ROOT, "%n%d. %s %s  retained %s (%s bytes), shallow %s%n", 1, "a", "b",
                    Units.bytes(123_456_789), Units.count(123_456_789), Units.count(16));
        } catch (Exception | LinkageError e) {
            // Nothing to report: the writers will do the same work again on the main thread.
        }
    }
}
