package dev.heapchain.hprof.testing;

/** The settings of a {@link DumpBuilder}; HotSpot's choices unless changed. */
final class DumpOptions {
    HprofVersion version = HprofVersion.JAVA_1_0_2;
    int idSize = 8;
    ClassNaming naming = ClassNaming.HOTSPOT;
    // Fixed rather than "now" so that built dumps are byte-for-byte reproducible.
    long timestampMillis = 1_700_000_000_000L;
    boolean coreClasses = true;
    boolean jdk8Strings;
    boolean singleHeapDump;
    int segments = 1;
    Long shuffleSeed;
    boolean heapDumpEnd = true;
}
