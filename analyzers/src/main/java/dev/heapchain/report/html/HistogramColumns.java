package dev.heapchain.report.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.analysis.ClassHistogram;

/** The class histogram as parallel columns, largest first, cut at a row limit to bound the page. */
final class HistogramColumns {
    private HistogramColumns() {
    }

    static ObjectNode of(ObjectMapper m, ClassHistogram h, int maxRows) {
        ObjectNode o = m.createObjectNode();
        o.put("classes", h.rows().size());
        o.put("totalInstances", h.totalInstances());
        o.put("totalShallowBytes", h.totalShallowBytes());
        o.put("classObjects", h.classObjects());
        ArrayNode names = o.putArray("className");
        ArrayNode instances = o.putArray("instances");
        ArrayNode bytes = o.putArray("shallowBytes");
        for (ClassHistogram.Row r : h.rows().subList(0, Math.min(maxRows, h.rows().size()))) {
            names.add(r.className());
            instances.add(r.instances());
            bytes.add(r.shallowBytes());
        }
        return o;
    }
}
