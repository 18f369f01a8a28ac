package dev.heapchain.hprof;

/** The format names a dump can start with. HotSpot always writes 1.0.2; Android writes 1.0.3. */
public enum HprofVersion {
    V1_0_1("JAVA PROFILE 1.0.1"),
    V1_0_2("JAVA PROFILE 1.0.2"),
    /** Android (ART): adds HEAP_DUMP_INFO, extra root kinds and PRIMITIVE_ARRAY_NODATA. */
    V1_0_3("JAVA PROFILE 1.0.3");

    private final String formatName;

    HprofVersion(String formatName) {
        this.formatName = formatName;
    }

    public String formatName() {
        return formatName;
    }

    public static HprofVersion of(String formatName) {
        for (HprofVersion v : values()) {
            if (v.formatName.equals(formatName)) {
                return v;
            }
        }
        return null;
    }
}
