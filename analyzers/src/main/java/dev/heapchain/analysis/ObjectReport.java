package dev.heapchain.analysis;

/**
 * One object as reports show it.
 *
 * @param retainedBytes -1 when unreachable
 */
public record ObjectReport(long objectId, String className, long shallowBytes, long retainedBytes, RootPath path) {
}
