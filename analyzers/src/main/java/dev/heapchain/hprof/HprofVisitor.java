package dev.heapchain.hprof;

/**
 * Receives the records of one read pass. All methods default to doing nothing, so a pass
 * implements only what it needs.
 *
 * <p>Callbacks that get the {@link HprofInput} may read the record's body from it: for instances
 * the whole field block is buffered ({@code in.idAt(k)} etc. with {@code k < length}); for arrays
 * the elements are read sequentially ({@code in.id()}) and may exceed the buffer. The reader skips
 * whatever the visitor leaves unread, so a visitor must never read past the body.
 */
public interface HprofVisitor {

    /** Which parts of the file this pass needs; lets the reader seek over the rest. */
    enum Interest {
        /** Strings, classes, traces: skip heap bodies entirely. */
        NAMES_ONLY,
        /** Everything. */
        ALL
    }

    default Interest interest() {
        return Interest.ALL;
    }

    default void header(HprofHeader header) {
    }

    /**
     * A HEAP_DUMP or HEAP_DUMP_SEGMENT record of the selected dump is about to be parsed: its
     * sub-records lie between {@code bodyStart} and {@code bodyEnd}.
     */
    default void heapRecord(long start, long bodyStart, long bodyEnd) {
    }

    /** A UTF8 record; {@code in} holds {@code length} bytes of modified UTF-8 at its cursor. */
    default void utf8(long id, HprofInput in, int length) {
    }

    default void loadClass(int classSerial, long classId, int stackTraceSerial, long nameId) {
    }

    default void unloadClass(int classSerial) {
    }

    default void stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId,
                            int classSerial, int line) {
    }

    default void stackTrace(int serial, int threadSerial, long[] frameIds) {
    }

    /** Start of the heap dump that was selected; {@code dumpNumber} counts from 1. */
    default void heapDumpStart(int dumpNumber, long offset) {
    }

    /** Android HEAP_DUMP_INFO: the following objects belong to this heap ("app", "zygote"...). */
    default void heapDumpInfo(int heapId, long nameId) {
    }

    default void gcRoot(HprofRootKind kind, long objectId, int threadSerial, int frameDepthOrTrace) {
    }

    default void classDump(HprofClassDump dump) {
    }

    /** An INSTANCE_DUMP; {@code offset} is where its sub-record starts in the file. */
    default void instanceDump(long objectId, long classId, HprofInput in, int length, long offset) {
    }

    default void objectArrayDump(long arrayId, long arrayClassId, int length, HprofInput in, long offset) {
    }

    /** A primitive array; {@code hasData} is false for Android's PRIMITIVE_ARRAY_NODATA. */
    default void primitiveArrayDump(long arrayId, HprofBasicType type, int length, boolean hasData,
                                    HprofInput in, long offset) {
    }

    /** A warning the pass's summary keeps as it is; repeats past {@link HprofWarnings#SHOWN} of one group are only counted. */
    default void warning(HprofWarning warning) {
    }
}
