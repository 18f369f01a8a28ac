package dev.heapchain.analysis;

/**
 * One frame of a thread's stack, from a FRAME record.
 *
 * @param className  the declaring class in source form; null when the frame's class serial names no
 *                   class of the dump
 * @param method     the method's name; null when its string is missing
 * @param signature  the method's descriptor, e.g. {@code (Ljava/lang/String;)V}; null when missing
 * @param sourceFile e.g. {@code MetadataLoader.java}; null when the dump does not say
 * @param line       as HPROF encodes it: above 0 the line, {@link #NO_LINE}, {@link #UNKNOWN},
 *                   {@link #COMPILED} or {@link #NATIVE}
 */
public record StackFrame(String className, String method, String signature, String sourceFile, int line) {
    /** No line information (the class was compiled without a line table). */
    public static final int NO_LINE = 0;
    public static final int UNKNOWN = -1;
    /** A compiled frame whose line the writer did not map back (the hprof agent's -2). */
    public static final int COMPILED = -2;
    public static final int NATIVE = -3;

    /**
     * As a Java stack trace writes it ({@code StackTraceElement.toString}):
     * {@code org.apache.kafka.image.loader.MetadataLoader.run(MetadataLoader.java:212)}.
     */
    public String text() {
        return (className == null ? "<unknown class>" : className) + "." + (method == null ? "<unknown method>" : method)
                + "(" + location() + ")";
    }

    /**
     * What goes between the parentheses. Java writes {@code Native Method}, {@code Unknown Source}
     * when the file is not known, {@code File.java:12}, or {@code File.java} when the line is not;
     * for the hprof agent's compiled frames, {@code Compiled Code}, as JDK 1.x stack traces did.
     */
    public String location() {
        if (line == NATIVE) {
            return "Native Method";
        }
        if (line == COMPILED) {
            return "Compiled Code";
        }
        if (sourceFile == null || sourceFile.isEmpty()) {
            return "Unknown Source";
        }
        return line > 0 ? sourceFile + ":" + line : sourceFile;
    }
}
