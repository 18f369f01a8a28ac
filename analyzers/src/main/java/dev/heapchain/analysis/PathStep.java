package dev.heapchain.analysis;

/**
 * One object on a path from a GC root.
 *
 * @param objectId  the object's id
 * @param className its class in source form ({@code class Foo} for class objects)
 * @param field     how the previous step references it; null for the root
 */
public record PathStep(long objectId, String className, String field) {
}
