package dev.heapchain.hprof.testing;

/** Anything in a built dump that has an object id and so can be referenced. */
public interface DumpObject {
    long id();
}
