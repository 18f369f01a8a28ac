package dev.heapchain.report.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Paths as the page shows them: a shortest path from a GC root can run along a leaked chain and
 * be tens of thousands of steps long; the page keeps both ends and says how many steps are left out.
 */
final class PathSteps {
    static final int KEEP_EACH_END = 100;

    private PathSteps() {
    }

    static ArrayNode bounded(ObjectMapper m, ArrayNode steps) {
        if (steps == null || steps.size() <= 2 * KEEP_EACH_END + 1) {
            return steps;
        }
        ArrayNode out = m.createArrayNode();
        for (int i = 0; i < KEEP_EACH_END; i++) {
            out.add(steps.get(i));
        }
        out.addObject().put("elidedSteps", steps.size() - 2 * KEEP_EACH_END);
        for (int i = steps.size() - KEEP_EACH_END; i < steps.size(); i++) {
            out.add(steps.get(i));
        }
        return out;
    }
}
