package dev.heapchain.hprof.testing;

/**
 * How class names are spelled in the dump. HotSpot writes JVM internal names
 * ({@code java/lang/String}, {@code [Ljava/lang/String;}); the hprof agent and Android write
 * source-like names ({@code java.lang.String}, {@code java.lang.String[]}).
 */
public enum ClassNaming {
    HOTSPOT,
    DOTTED;

    /** Accepts a name in either spelling and returns it in this one. */
    public String className(String anyForm) {
        return this == HOTSPOT ? toInternal(anyForm) : toDotted(anyForm);
    }

    private static String toInternal(String name) {
        int dims = 0;
        String element = name;
        while (element.endsWith("[]")) {
            dims++;
            element = element.substring(0, element.length() - 2);
        }
        if (dims == 0) {
            return name.replace('.', '/');
        }
        BasicType primitive = primitiveNamed(element);
        String descriptor = primitive != null
                ? String.valueOf(primitive.descriptor())
                : "L" + element.replace('.', '/') + ";";
        return "[".repeat(dims) + descriptor;
    }

    private static String toDotted(String name) {
        if (!name.startsWith("[")) {
            return name.replace('/', '.');
        }
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        String e = name.substring(dims);
        String element;
        if (e.startsWith("L") && e.endsWith(";")) {
            element = e.substring(1, e.length() - 1).replace('/', '.');
        } else if (e.length() == 1 && e.charAt(0) != 'L') {
            element = BasicType.ofDescriptor(e.charAt(0)).javaName();
        } else {
            element = e.replace('/', '.');
        }
        return element + "[]".repeat(dims);
    }

    private static BasicType primitiveNamed(String javaName) {
        for (BasicType t : BasicType.values()) {
            if (t != BasicType.OBJECT && t.javaName().equals(javaName)) {
                return t;
            }
        }
        return null;
    }
}
