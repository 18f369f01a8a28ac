package dev.heapchain.graph;

import java.util.Map;
import java.util.Set;

/**
 * JDK classes whose fields carry {@code @Contended} (sun.misc in JDK 8, jdk.internal.vm.annotation
 * since 9). HotSpot honours it only for boot and platform classes by default (RestrictContended),
 * and surrounds the marked fields with {@code ContendedPaddingWidth} (128) bytes of padding. HPROF
 * keeps no annotations, so the known uses are listed here by name; a field that a JDK does not
 * declare simply does not match. Measured on JDK 17: Thread is 368 bytes with compressed oops,
 * not the 112 that its fields alone would take.
 */
final class ContendedFields {
    /** HotSpot's default ContendedPaddingWidth. */
    static final int PADDING = 128;

    /** Classes annotated as a whole: every field is padded away from the header and the next object. */
    private static final Set<String> CLASSES = Set.of("java.util.concurrent.ConcurrentHashMap$CounterCell",
            "java.util.concurrent.atomic.Striped64$Cell", "java.util.concurrent.Exchanger$Node");

    /** Annotated fields and their contention group, by class: JDK 8 and later. */
    private static final Map<String, Map<String, String>> FIELDS = Map.of(
            "java.lang.Thread", Map.of("threadLocalRandomSeed", "tlr", "threadLocalRandomProbe", "tlr",
                    "threadLocalRandomSecondarySeed", "tlr"));

    /**
     * The same for the compact-layout era only (checked on JDK 17): JDK 8 annotated ForkJoinPool
     * and its WorkQueue as whole classes, and which form the JDKs between used is not checked.
     */
    private static final Map<String, Map<String, String>> MODERN_FIELDS = Map.of(
            "java.util.concurrent.ForkJoinPool$WorkQueue", Map.of("top", "w", "source", "w", "nsteals", "w"),
            "java.util.concurrent.ForkJoinPool", Map.of("ctl", "fjpctl"));

    private ContendedFields() {
    }

    static boolean isContendedClass(HeapClass c) {
        return isJdk(c) && CLASSES.contains(c.name());
    }

    /** The contention group of a declared field, or null for an ordinary field. */
    static String group(HeapClass c, String fieldName, FieldLayout layout) {
        if (!isJdk(c)) {
            return null;
        }
        Map<String, String> groups = FIELDS.get(c.name());
        if (groups == null && layout == FieldLayout.COMPACT) {
            groups = MODERN_FIELDS.get(c.name());
        }
        return groups == null ? null : groups.get(fieldName);
    }

    /** Only the boot loader's classes (loader id 0) are known here to be JDK classes. */
    private static boolean isJdk(HeapClass c) {
        return c.dump() != null && c.dump().classLoaderId() == 0;
    }
}
