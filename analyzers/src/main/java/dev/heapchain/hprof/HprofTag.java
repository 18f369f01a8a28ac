package dev.heapchain.hprof;

/** Top-level record tags (HotSpot heapDumper.cpp format notes; hprof agent docs for 0x06-0x0E). */
public enum HprofTag {
    UTF8(0x01), // string
    LOAD_CLASS(0x02), // class name
    UNLOAD_CLASS(0x03), // class unload
    FRAME(0x04), // stack frame
    TRACE(0x05), // stack trace
    ALLOC_SITES(0x06), // hprof agent only: skipped
    HEAP_SUMMARY(0x07), // skipped
    START_THREAD(0x0A), // hprof agent only: skipped
    END_THREAD(0x0B), // hprof agent only: skipped
    HEAP_DUMP(0x0C), // a whole heap in one record (older writers)
    CPU_SAMPLES(0x0D), // skipped
    CONTROL_SETTINGS(0x0E), // skipped
    HEAP_DUMP_SEGMENT(0x1C), // part of a heap; HotSpot writes many
    HEAP_DUMP_END(0x2C); // ends one dump of segments

    private static final HprofTag[] BY_VALUE = new HprofTag[256];

    static {
        for (HprofTag t : values()) {
            BY_VALUE[t.value] = t;
        }
    }

    private final int value;

    HprofTag(int value) {
        this.value = value;
    }

    /** Null for tags no known writer produces. */
    public static HprofTag of(int value) {
        return BY_VALUE[value & 0xFF];
    }
}
