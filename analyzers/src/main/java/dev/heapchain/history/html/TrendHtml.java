package dev.heapchain.history.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.history.TrendJson;
import dev.heapchain.history.TrendReport;
import dev.heapchain.history.Trends;
import dev.heapchain.report.Json;
import dev.heapchain.report.html.HtmlPage;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The `trend` result as one self-contained page: the heapchain.trend/1 document as the data
 * island, drawn by the page's script as a line chart (chains' retained bytes and live heap against
 * hours, with the fitted lines) and a table per dump.
 */
public final class TrendHtml {
    private TrendHtml() {
    }

    public static void write(TrendReport t, String toolVersion, Writer out) throws IOException {
        HtmlPage.write("trend.html", slots(t, toolVersion), data(t, toolVersion), out);
    }

    static ObjectNode data(TrendReport t, String toolVersion) {
        ObjectMapper m = Json.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("page", "trend");
        root.set("report", TrendJson.tree(t, toolVersion));
        // Nothing beyond the document: the rates, worded as in the text report, are in the static markup.
        root.putObject("view");
        return root;
    }

    static Map<String, String> slots(TrendReport t, String toolVersion) {
        Map<String, String> v = new LinkedHashMap<>();
        String verdict;
        String reasons;
        if (t.limit() == null) {
            verdict = "TREND: no growth limit set";
            reasons = "Snapshot chains grow by " + Trends.rate(t.chains()) + "; --fail-on-growth RATE checks a limit.";
        } else if (t.failed()) {
            verdict = "TREND: GROWTH over " + t.limit().label();
            reasons = String.join("\n", t.failures());
        } else {
            verdict = "TREND: growth within " + t.limit().label();
            reasons = "Snapshot chains grow by " + Trends.rate(t.chains()) + ", within the limit of " + t.limit().label() + ".";
        }
        v.put("title", verdict.substring("TREND: ".length()) + " - heapchain trend over " + t.points().size() + " dumps");
        v.put("verdict", verdict);
        v.put("verdictClass", t.limit() == null ? "neutral" : t.failed() ? "leak" : "ok");
        v.put("reasons", reasons);
        v.put("chainRate", Trends.rate(t.chains()));
        v.put("heapRate", Trends.rate(t.heap()));
        v.put("fit", "fitted by least squares over " + t.points().size() + " dumps spanning " + Trends.span(t.spanHours())
                + "; a rate per hour extrapolates beyond that span");
        v.put("tool", "heapchain " + toolVersion);
        return v;
    }
}
