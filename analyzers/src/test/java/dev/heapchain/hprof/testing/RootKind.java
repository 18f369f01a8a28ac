package dev.heapchain.hprof.testing;

/**
 * GC root sub-records. Every root starts with the object id; {@code extraIds} and {@code extraU4s}
 * give what follows it, because sub-records carry no length and a writer must know each layout.
 */
public enum RootKind {
    UNKNOWN(0xFF, 0, 0, false),
    /** Extra: the JNI global ref id. */
    JNI_GLOBAL(0x01, 1, 0, false),
    /** Extras: thread serial, frame depth. */
    JNI_LOCAL(0x02, 0, 2, false),
    /** Extras: thread serial, frame depth. */
    JAVA_FRAME(0x03, 0, 2, false),
    /** Extra: thread serial. */
    NATIVE_STACK(0x04, 0, 1, false),
    STICKY_CLASS(0x05, 0, 0, false),
    /** Extra: thread serial. */
    THREAD_BLOCK(0x06, 0, 1, false),
    MONITOR_USED(0x07, 0, 0, false),
    /** Extras: thread serial, stack trace serial. */
    THREAD_OBJECT(0x08, 0, 2, false),
    INTERNED_STRING(0x89, 0, 0, true),
    FINALIZING(0x8A, 0, 0, true),
    DEBUGGER(0x8B, 0, 0, true),
    REFERENCE_CLEANUP(0x8C, 0, 0, true),
    VM_INTERNAL(0x8D, 0, 0, true),
    /** Extras: thread serial, frame depth. */
    JNI_MONITOR(0x8E, 0, 2, true),
    UNREACHABLE(0x90, 0, 0, true);

    private final int subTag;
    private final int extraIds;
    private final int extraU4s;
    private final boolean android;

    RootKind(int subTag, int extraIds, int extraU4s, boolean android) {
        this.subTag = subTag;
        this.extraIds = extraIds;
        this.extraU4s = extraU4s;
        this.android = android;
    }

    public int subTag() {
        return subTag;
    }

    public int extraIds() {
        return extraIds;
    }

    public int extraU4s() {
        return extraU4s;
    }

    /** Only AOSP's hprof.cc writes these. */
    public boolean isAndroid() {
        return android;
    }

    /** Body size after the sub-tag byte. */
    public int bodySize(int idSize) {
        return idSize * (1 + extraIds) + 4 * extraU4s;
    }

    public static RootKind ofSubTag(int subTag) {
        for (RootKind k : values()) {
            if (k.subTag == subTag) {
                return k;
            }
        }
        return null;
    }
}
