package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * histogram and the engine commands count the same dump's objects alike: the engine's graph holds
 * class objects, the histogram's table does not, and both headers (and JSON documents) say how
 * the total splits, so the two figures are seen to agree.
 */
class ObjectCountsTest {
    private static final Pattern COUNT = Pattern.compile(
            "([\\d,]+) objects \\(([\\d,]+) instances and arrays, ([\\d,]+) class objects\\)");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void histogramAndEngineHeadersGiveTheSameSplit() throws Exception {
        String dump = TinyDumps.tiny(dir).toString();
        Cli histogram = Cli.run("histogram", dump, "-q");
        Cli top = Cli.run("top", dump, "-q");
        Cli analyze = Cli.run("analyze", dump, "-q");
        String h = split(histogram);
        assertEquals(h, split(top), "top counts as histogram does");
        assertEquals(h, split(analyze), "analyze counts as histogram does");

        Matcher m = COUNT.matcher(histogram.out());
        assertTrue(m.find());
        long all = number(m.group(1));
        long plain = number(m.group(2));
        long classObjects = number(m.group(3));
        assertEquals(all, plain + classObjects);
        assertTrue(classObjects > 0, "the tiny dump has classes");
        assertTrue(histogram.out().contains(String.format(java.util.Locale.ROOT, " Total %14s", m.group(2))),
                "the table's total is the instances and arrays: " + histogram.out());

        JsonNode hj = MAPPER.readTree(Cli.run("histogram", dump, "--json", "-", "-q").out());
        JsonNode tj = MAPPER.readTree(Cli.run("top", dump, "--json", "-", "-q").out());
        assertEquals(plain, hj.at("/totals/instances").asLong());
        assertEquals(classObjects, hj.at("/totals/classObjects").asLong());
        assertEquals(all, tj.at("/graph/objects").asLong());
        assertEquals(classObjects, tj.at("/graph/classObjects").asLong());
    }

    private static String split(Cli r) {
        assertEquals(0, r.code(), r::toString);
        Matcher m = COUNT.matcher(r.out());
        assertTrue(m.find(), "the header splits the count: " + r.out());
        return m.group();
    }

    private static long number(String s) {
        return Long.parseLong(s.replace(",", ""));
    }
}
