package dev.heapchain.report.redact;

import dev.heapchain.analysis.ObjectReport;
import dev.heapchain.analysis.PathStep;
import dev.heapchain.analysis.RootPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The walk over results: records rebuilt, component names decide, unknown types refused. */
class RedactorTest {
    private final Placeholders p = new Placeholders(null);

    @Test
    void recordsAreRebuiltWithTheirNamesReplaced() {
        RootPath path = new RootPath("sticky class", null, List.of(new PathStep(1, "class com.acme.Cache", null),
                new PathStep(2, "java.util.HashMap", "sessions"), new PathStep(3, "java.util.HashMap$Node[]", "table")));
        ObjectReport o = new ObjectReport(3, "java.util.HashMap$Node[]", 16, 32, path);
        ObjectReport r = Redactor.withoutGraph(null).apply(o);
        assertEquals("sticky class", r.path().rootKind(), "heapchain's own words stay");
        assertEquals("class " + p.of("class", "com.acme.Cache"), r.path().steps().get(0).className());
        assertEquals(p.of("field", "sessions"), r.path().steps().get(1).field(), "no platform class declares it here");
        assertEquals("java.util.HashMap$Node[]", r.className());
        assertEquals(32, r.retainedBytes());
    }

    private record Holder(Map<String, String> names) {
    }

    @Test
    void aTypeItDoesNotKnowIsRefusedNotPassedThrough() {
        assertThrows(IllegalArgumentException.class, () -> Redactor.withoutGraph(null).apply(new Holder(Map.of("a", "b"))));
        assertThrows(IllegalArgumentException.class, () -> Redactor.withoutGraph(null).apply(new java.util.HashSet<>(List.of("x"))));
    }
}
