package dev.heapchain.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Frames are written as Java stack traces write them, for each of HPROF's line encodings. */
class StackFrameTest {
    private static StackFrame at(String file, int line) {
        return new StackFrame("org.apache.kafka.image.loader.MetadataLoader", "run", "()V", file, line);
    }

    @Test
    void aLineNumberGoesAfterTheFile() {
        assertEquals("org.apache.kafka.image.loader.MetadataLoader.run(MetadataLoader.java:212)",
                at("MetadataLoader.java", 212).text());
    }

    @Test
    void everyOtherEncodingAsJavaWritesIt() {
        assertEquals("MetadataLoader.java", at("MetadataLoader.java", StackFrame.NO_LINE).location());
        assertEquals("MetadataLoader.java", at("MetadataLoader.java", StackFrame.UNKNOWN).location());
        assertEquals("Compiled Code", at("MetadataLoader.java", StackFrame.COMPILED).location());
        assertEquals("Native Method", at("MetadataLoader.java", StackFrame.NATIVE).location());
        assertEquals("Native Method", at(null, StackFrame.NATIVE).location());
        assertEquals("Unknown Source", at(null, 212).location(), "Java drops the line when the file is unknown");
        assertEquals("Unknown Source", at("", StackFrame.UNKNOWN).location());
    }

    @Test
    void unknownClassAndMethodAreSaid() {
        assertEquals("<unknown class>.<unknown method>(Unknown Source)", new StackFrame(null, null, null, null, -1).text());
    }

    @Test
    void rootDetailsNameThreadFrameAndMethod() {
        StackFrame f = at("MetadataLoader.java", 212);
        assertEquals("thread \"kafka-1-metadata-loader-event-handler\", frame 5: "
                        + "org.apache.kafka.image.loader.MetadataLoader.run(MetadataLoader.java:212)",
                new RootThread(7, "kafka-1-metadata-loader-event-handler", 5, f).text());
        assertEquals("thread #7, frame 5", new RootThread(7, null, 5, null).text(), "no name, no stack records");
        assertEquals("thread \"main\"", new RootThread(1, "main", -1, null).text(), "a root kind without a frame");
    }
}
