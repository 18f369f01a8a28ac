package dev.heapchain.hprof;

/**
 * Presents class names in Java source form ({@code java.lang.String[]}) whichever writer produced
 * them: HotSpot writes {@code java/lang/String} and {@code [Ljava/lang/String;}, the hprof agent and
 * Android write {@code java.lang.String} and {@code java.lang.String[]}.
 */
public final class HprofClassNames {
    private HprofClassNames() {
    }

    public static String toSourceForm(String name) {
        if (name.isEmpty()) {
            return name;
        }
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        String element;
        if (dims == 0) {
            element = binaryToDotted(name);
        } else {
            String descriptor = name.substring(dims);
            element = descriptor.length() == 1 ? primitive(descriptor.charAt(0)) : null;
            if (element == null) {
                if (descriptor.startsWith("L") && descriptor.endsWith(";")) {
                    element = binaryToDotted(descriptor.substring(1, descriptor.length() - 1));
                } else {
                    element = binaryToDotted(descriptor);
                }
            }
        }
        return dims == 0 ? element : element + "[]".repeat(dims);
    }

    /** Primitive element name for a one-letter descriptor, or null. */
    public static String primitive(char descriptor) {
        return switch (descriptor) {
            case 'Z' -> "boolean";
            case 'C' -> "char";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'B' -> "byte";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            default -> null;
        };
    }

    private static boolean isHex(String s, int from) {
        if (from >= s.length()) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Slashes become dots, except the one HotSpot puts before a hidden class's address suffix:
     * it writes {@code Foo$$Lambda$14+0x0000000800c01000} internally and shows
     * {@code Foo$$Lambda$14/0x0000000800c01000}, as jmap -histo does.
     */
    private static String binaryToDotted(String name) {
        String dotted = name.replace('/', '.');
        int plus = dotted.lastIndexOf("+0x");
        if (plus > 0) {
            dotted = dotted.substring(0, plus) + "/" + dotted.substring(plus + 1);
        } else {
            int hidden = name.lastIndexOf("/0x");
            if (hidden > 0 && isHex(name, hidden + 3)) {
                dotted = dotted.substring(0, hidden) + "/" + dotted.substring(hidden + 1);
            }
        }
        return dotted;
    }
}
