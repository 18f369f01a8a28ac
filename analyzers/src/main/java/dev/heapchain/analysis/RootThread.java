package dev.heapchain.analysis;

/**
 * The thread (and frame) a thread-bound GC root belongs to: what a path's {@code rootDetail} says,
 * in parts, so that a renderer that must name things its own way (redaction) can.
 *
 * @param threadSerial the root's thread serial
 * @param threadName   the thread's name, or null when the dump does not give it
 * @param frameDepth   the frame's depth (0: top of the stack), or -1 when the root kind has none
 * @param frame        the frame at that depth, or null when the dump has no stack record for it
 */
public record RootThread(int threadSerial, String threadName, int frameDepth, StackFrame frame) {

    /**
     * {@code thread "kafka-1-metadata-loader-event-handler", frame 5:
     * org.apache.kafka.image.loader.MetadataLoader.run(MetadataLoader.java:212)}; {@code thread #7}
     * when the name is not known, and no method when the dump has no stack records (Android).
     */
    public String text() {
        StringBuilder s = new StringBuilder(thread());
        if (frameDepth >= 0) {
            s.append(", frame ").append(frameDepth);
            if (frame != null) {
                s.append(": ").append(frame.text());
            }
        }
        return s.toString();
    }

    /** {@code thread "main"}, or {@code thread #7} when the name is not known. */
    public String thread() {
        return threadName != null ? "thread \"" + threadName + "\"" : "thread #" + threadSerial;
    }
}
