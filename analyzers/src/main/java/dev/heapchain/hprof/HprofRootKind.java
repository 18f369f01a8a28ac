package dev.heapchain.hprof;

/**
 * GC-root sub-records. Each entry carries its sub-tag and the number of bytes that follow the
 * object id, which is all the reader needs to parse it: the table replaces a per-kind switch.
 * Android kinds come from AOSP art/runtime/hprof/hprof.cc.
 */
public enum HprofRootKind {
    UNKNOWN(0xFF, "unknown root", Extra.NONE),
    JNI_GLOBAL(0x01, "JNI global", Extra.ID),
    JNI_LOCAL(0x02, "JNI local", Extra.THREAD_FRAME),
    JAVA_FRAME(0x03, "Java frame", Extra.THREAD_FRAME),
    NATIVE_STACK(0x04, "native stack", Extra.THREAD),
    STICKY_CLASS(0x05, "sticky class", Extra.NONE),
    THREAD_BLOCK(0x06, "thread block", Extra.THREAD),
    MONITOR_USED(0x07, "monitor used", Extra.NONE),
    THREAD_OBJECT(0x08, "thread", Extra.THREAD_TRACE),
    INTERNED_STRING(0x89, "interned string", Extra.NONE),
    FINALIZING(0x8A, "finalizing", Extra.NONE),
    DEBUGGER(0x8B, "debugger", Extra.NONE),
    REFERENCE_CLEANUP(0x8C, "reference cleanup", Extra.NONE),
    VM_INTERNAL(0x8D, "VM internal", Extra.NONE),
    JNI_MONITOR(0x8E, "JNI monitor", Extra.THREAD_FRAME),
    UNREACHABLE(0x90, "unreachable", Extra.NONE);

    /** What follows the object id: decides the body length and which fields are meaningful. */
    public enum Extra {
        NONE, ID, THREAD, THREAD_FRAME, THREAD_TRACE
    }

    private static final HprofRootKind[] BY_TAG = new HprofRootKind[256];

    static {
        for (HprofRootKind k : values()) {
            BY_TAG[k.subTag] = k;
        }
    }

    private final int subTag;
    private final String label;
    private final Extra extra;

    HprofRootKind(int subTag, String label, Extra extra) {
        this.subTag = subTag;
        this.label = label;
        this.extra = extra;
    }

    /** Human wording used in paths, e.g. "Java frame". */
    public String label() {
        return label;
    }

    public Extra extra() {
        return extra;
    }

    /** Bytes after the object id. */
    public int extraBytes(int idSize) {
        return switch (extra) {
            case NONE -> 0;
            case ID -> idSize;
            case THREAD -> 4;
            case THREAD_FRAME, THREAD_TRACE -> 8;
        };
    }

    public boolean hasThread() {
        return extra == Extra.THREAD || extra == Extra.THREAD_FRAME || extra == Extra.THREAD_TRACE;
    }

    /** Null when the sub-tag is not a root kind. */
    public static HprofRootKind ofSubTag(int subTag) {
        return BY_TAG[subTag & 0xFF];
    }
}
