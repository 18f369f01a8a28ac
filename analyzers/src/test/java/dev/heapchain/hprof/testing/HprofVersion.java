package dev.heapchain.hprof.testing;

/** The format name a dump's header starts with. */
public enum HprofVersion {
    /** Early hprof agent dumps; still accepted by every reader. */
    JAVA_1_0_1("JAVA PROFILE 1.0.1"),
    /** What HotSpot always writes (heapDumper.cpp), hence the default. */
    JAVA_1_0_2("JAVA PROFILE 1.0.2"),
    /** AOSP art/runtime/hprof/hprof.cc; adds the 0x89..0x90 roots, 0xC3 and 0xFE. */
    ANDROID_1_0_3("JAVA PROFILE 1.0.3");

    private final String formatName;

    HprofVersion(String formatName) {
        this.formatName = formatName;
    }

    public String formatName() {
        return formatName;
    }
}
