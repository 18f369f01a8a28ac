package dev.heapchain.hprof;

/**
 * Record counts of one read pass over the selected dump (top-level string and class records are
 * counted over the whole file, since they are shared by every dump in it). Mutable while the
 * reader fills it, then handed out read-only through {@link HprofReadSummary}.
 */
public final class HprofCounts {
    long utf8Records;
    long loadClassRecords;
    long heapRecords;
    long classDumps;
    long instanceDumps;
    long objectArrayDumps;
    long primitiveArrayDumps;
    long primitiveArraysWithoutData;
    long unknownTopLevelRecords;
    final long[] rootsByKind = new long[HprofRootKind.values().length];

    public long utf8Records() {
        return utf8Records;
    }

    public long loadClassRecords() {
        return loadClassRecords;
    }

    /** HEAP_DUMP and HEAP_DUMP_SEGMENT records of the selected dump. */
    public long heapRecords() {
        return heapRecords;
    }

    public long classDumps() {
        return classDumps;
    }

    public long instanceDumps() {
        return instanceDumps;
    }

    public long objectArrayDumps() {
        return objectArrayDumps;
    }

    /** Includes Android's PRIMITIVE_ARRAY_NODATA records. */
    public long primitiveArrayDumps() {
        return primitiveArrayDumps;
    }

    public long primitiveArraysWithoutData() {
        return primitiveArraysWithoutData;
    }

    public long unknownTopLevelRecords() {
        return unknownTopLevelRecords;
    }

    /** Root sub-records of one kind, duplicates included. */
    public long roots(HprofRootKind kind) {
        return rootsByKind[kind.ordinal()];
    }

    public long rootRecords() {
        long sum = 0;
        for (long n : rootsByKind) {
            sum += n;
        }
        return sum;
    }

    /** Instances plus arrays: every heap object that is not a class. */
    public long objects() {
        return instanceDumps + objectArrayDumps + primitiveArrayDumps;
    }
}
