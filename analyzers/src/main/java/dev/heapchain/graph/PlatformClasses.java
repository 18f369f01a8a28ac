package dev.heapchain.graph;

import java.util.List;
import java.util.Set;

/**
 * The runtime's own classes (the JDK's, Android's), which reports treat as infrastructure: paths
 * name the first holder outside them, discovery ignores their link fields, leak suspects leave their
 * bookkeeping out. One list, so the three agree.
 */
public final class PlatformClasses {
    private static final List<String> PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "android.",
            "dalvik.", "libcore.", "org.apache.harmony.");
    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

    private PlatformClasses() {
    }

    /**
     * Whether a class (source form; {@code class Foo} for a class object) is the platform's: in one
     * of its packages, or an array of such classes or of primitives.
     */
    public static boolean is(String className) {
        String name = className.startsWith("class ") ? className.substring(6) : className;
        while (name.endsWith("[]")) {
            name = name.substring(0, name.length() - 2);
        }
        return PRIMITIVES.contains(name) || PACKAGES.stream().anyMatch(name::startsWith);
    }
}
