package dev.heapchain.history.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.history.CompareJson;
import dev.heapchain.history.Comparison;
import dev.heapchain.history.ReportFacts;
import dev.heapchain.report.Json;
import dev.heapchain.report.Units;
import dev.heapchain.report.html.HtmlPage;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The `compare` result as one self-contained page. The data island's "report" is the
 * heapchain.compare/1 document itself, so the page shows exactly what --json would write; chain
 * keys, pin holders and class names in it come from dumps (or from reports, which anyone can edit)
 * and are untrusted, so they reach the page only through the island and the page's text nodes.
 */
public final class CompareHtml {
    private CompareHtml() {
    }

    public static void write(Comparison c, String toolVersion, Writer out) throws IOException {
        HtmlPage.write("compare.html", slots(c, toolVersion), data(c, toolVersion), out);
    }

    static ObjectNode data(Comparison c, String toolVersion) {
        ObjectMapper m = Json.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("page", "compare");
        root.set("report", CompareJson.tree(c, toolVersion));
        // What only the page needs: the bar scale, so both sides of every chain share one axis.
        long max = 0;
        for (Comparison.ChainDelta d : c.chains()) {
            max = Math.max(max, Math.max(retained(d.baseline()), retained(d.current())));
        }
        root.putObject("view").put("maxChainRetainedBytes", max);
        return root;
    }

    private static long retained(ReportFacts.Chain c) {
        return c == null ? 0 : c.retainedBytes();
    }

    /** The verdict, its reasons and both sides in the static markup: they read with JavaScript off. */
    static Map<String, String> slots(Comparison c, String toolVersion) {
        Map<String, String> v = new LinkedHashMap<>();
        String verdict = c.verdict().toUpperCase(Locale.ROOT);
        v.put("title", verdict + " - heapchain compare " + c.baseline().source() + " " + c.current().source());
        v.put("verdict", "COMPARE: " + verdict);
        v.put("verdictClass", switch (c.verdict()) {
            case Comparison.REGRESSED -> "leak";
            case Comparison.IMPROVED -> "ok";
            default -> "neutral";
        });
        List<String> reasons = new ArrayList<>();
        c.regressions().forEach(r -> reasons.add("regressed: " + r));
        c.improvements().forEach(r -> reasons.add("improved: " + r));
        v.put("reasons", reasons.isEmpty() ? "No chain's evidence changed: no new pin, breach or stall, and no chain's outcome got worse or better." : String.join("\n", reasons));
        v.put("baseline", side(c.baseline()));
        v.put("current", side(c.current()));
        v.put("threshold", String.format(Locale.ROOT, "more than %.1f%% and, for bytes, more than %s", c.threshold().percent(),
                Units.bytes(c.threshold().bytes())));
        v.put("tool", "heapchain " + toolVersion);
        return v;
    }

    private static String side(ReportFacts r) {
        return r.source() + ": " + r.outcome().shout() + ", " + Units.count(r.chainSnapshots()) + " snapshots in "
                + Units.count(r.chains().size()) + " chains retain " + Units.bytes(r.chainRetainedBytes()) + ", live heap "
                + Units.bytes(r.reachableBytes());
    }
}
