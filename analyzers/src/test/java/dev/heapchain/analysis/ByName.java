package dev.heapchain.analysis;

import java.util.Map;
import java.util.TreeMap;

/** A heapchain histogram keyed by class name, rows of one name (several loaders) added up. */
final class ByName {
    private ByName() {
    }

    static Map<String, JmapHisto.Row> of(ClassHistogram h) {
        Map<String, JmapHisto.Row> map = new TreeMap<>();
        for (ClassHistogram.Row r : h.rows()) {
            map.merge(r.className(), new JmapHisto.Row(r.className(), r.instances(), r.shallowBytes()),
                    (a, b) -> new JmapHisto.Row(a.name(), a.instances() + b.instances(), a.bytes() + b.bytes()));
        }
        return map;
    }
}
