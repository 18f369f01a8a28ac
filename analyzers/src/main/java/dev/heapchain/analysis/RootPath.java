package dev.heapchain.analysis;

import java.util.List;

/**
 * A path from a GC root to an object, root first.
 *
 * @param rootKind    the root's kind label, e.g. "Java frame", "sticky class"
 * @param rootDetail  thread name and frame for thread-bound roots, else null
 * @param steps       the objects from the root to the target
 */
public record RootPath(String rootKind, String rootDetail, List<PathStep> steps) {

    public static RootPath unreachable() {
        return new RootPath(null, null, List.of());
    }

    public boolean reachable() {
        return !steps.isEmpty();
    }
}
