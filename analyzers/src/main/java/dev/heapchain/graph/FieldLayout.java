package dev.heapchain.graph;

/** How a JVM packs instance fields; decides instance sizes when fields leave holes. */
public enum FieldLayout {
    /**
     * HotSpot up to JDK 14 (classFileParser layout_fields): a subclass's fields start after its
     * superclass's, longs first, then ints, shorts, bytes, oops; only the gap before the first long
     * is filled. JDK 6-8 lay out some java.lang classes oops-first without compaction.
     */
    LEGACY,
    /**
     * HotSpot JDK 15 and later (FieldLayoutBuilder, JDK-8237767): fields sorted by size, each put in
     * the first hole that fits, including holes left by superclasses.
     */
    COMPACT,
    /** Android ART: references first, then primitives by size with holes filled; 8-byte header. */
    ART
}
