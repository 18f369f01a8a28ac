package dev.heapchain.hprof;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the sub-records of one HEAP_DUMP or HEAP_DUMP_SEGMENT body. This is the hot loop of every
 * pass: per record it makes one buffer check for the fixed part, reads with absolute offsets and
 * allocates nothing (class dumps excepted; they are few).
 */
final class HprofHeapParser {
    private static final int INSTANCE = 0x21;
    private static final int OBJECT_ARRAY = 0x22;
    private static final int PRIMITIVE_ARRAY = 0x23;
    private static final int CLASS_DUMP = 0x20;
    private static final int PRIMITIVE_ARRAY_NODATA = 0xC3;
    private static final int HEAP_DUMP_INFO = 0xFE;

    private final HprofInput in;
    private final HprofVisitor visitor;
    private final HprofCounts counts;
    private final HprofHeader header;
    private final HprofFile file;
    private final int id;
    private int previousTag = -1;
    private long previousOffset = -1;

    HprofHeapParser(HprofInput in, HprofVisitor visitor, HprofCounts counts, HprofHeader header, HprofFile file) {
        this.in = in;
        this.visitor = visitor;
        this.counts = counts;
        this.header = header;
        this.file = file;
        this.id = header.idSize();
    }

    /**
     * Parses sub-records from the cursor up to {@code end}. Answers {@code end}, or the offset where
     * the last complete sub-record ends when the stream stops first (the caller reports truncation).
     */
    long parse(long recordStart, long end) {
        final HprofInput in = this.in;
        final int id = this.id;
        long at;
        while ((at = in.position()) < end) {
            if (!in.ensure(1)) {
                return at;
            }
            int tag = in.u1At(0);
            boolean ok;
            switch (tag) {
                case INSTANCE -> ok = instance(at, end);
                case OBJECT_ARRAY -> ok = objectArray(at, end);
                case PRIMITIVE_ARRAY -> ok = primitiveArray(at, end, true);
                case PRIMITIVE_ARRAY_NODATA -> ok = primitiveArray(at, end, false);
                case CLASS_DUMP -> ok = classDump(at, end);
                case HEAP_DUMP_INFO -> {
                    ok = in.ensure(5 + id);
                    if (ok) {
                        int heapId = in.i4At(1);
                        long name = in.idAt(5);
                        in.advance(5 + id);
                        visitor.heapDumpInfo(heapId, name);
                    }
                }
                default -> ok = root(tag, at);
            }
            if (!ok) {
                return at;
            }
            if (in.position() > end) {
                throw new HprofFormatException("sub-record " + HprofReader.hex(tag) + " at offset " + at
                        + " runs past the end of its heap record (offset " + recordStart + ", ends at " + end
                        + ") " + context(), at);
            }
            previousTag = tag;
            previousOffset = at;
        }
        return end;
    }

    private boolean root(int tag, long at) {
        HprofRootKind kind = HprofRootKind.ofSubTag(tag);
        if (kind == null) {
            throw new HprofFormatException("unknown heap sub-tag " + HprofReader.hex(tag) + " at offset " + at
                    + (previousTag >= 0 ? " (after " + HprofReader.hex(previousTag) + " at " + previousOffset + ")" : "")
                    + " " + context(), at, at);
        }
        int extra = kind.extraBytes(id);
        if (!in.ensure(1 + id + extra)) {
            return false;
        }
        long object = in.idAt(1);
        int thread = -1;
        int third = -1;
        switch (kind.extra()) {
            case THREAD -> thread = in.i4At(1 + id);
            case THREAD_FRAME, THREAD_TRACE -> {
                thread = in.i4At(1 + id);
                third = in.i4At(5 + id);
            }
            default -> {
            }
        }
        in.advance(1 + id + extra);
        counts.rootsByKind[kind.ordinal()]++;
        visitor.gcRoot(kind, object, thread, third);
        return true;
    }

    private boolean instance(long at, long end) {
        int fixed = 1 + id + 4 + id + 4;
        if (!in.ensure(fixed)) {
            return false;
        }
        long object = in.idAt(1);
        long classId = in.idAt(1 + id + 4);
        long length = in.u4At(1 + 2 * id + 4);
        if (at + fixed + length > end || length > in.bufferCapacity()) {
            throw new HprofFormatException("instance " + HprofReader.hex(object) + " at offset " + at + " declares "
                    + length + " bytes of fields, past the end of its heap record at " + end + " " + context(),
                    at, at + fixed - 1);
        }
        in.advance(fixed);
        if (!in.ensure((int) length)) {
            return false;
        }
        counts.instanceDumps++;
        visitor.instanceDump(object, classId, in, (int) length, at);
        in.advance((int) length);
        return true;
    }

    private boolean objectArray(long at, long end) {
        int fixed = 1 + id + 4 + 4 + id;
        if (!in.ensure(fixed)) {
            return false;
        }
        long array = in.idAt(1);
        long count = in.u4At(1 + id + 4);
        long classId = in.idAt(1 + id + 8);
        long bytes = count * id;
        checkArray(array, at, fixed, count, bytes, end);
        in.advance(fixed);
        counts.objectArrayDumps++;
        long bodyEnd = in.position() + bytes;
        visitor.objectArrayDump(array, classId, (int) count, in, at);
        return finishBody(bodyEnd, at);
    }

    private boolean primitiveArray(long at, long end, boolean hasData) {
        int fixed = 1 + id + 4 + 4 + 1;
        if (!in.ensure(fixed)) {
            return false;
        }
        long array = in.idAt(1);
        long count = in.u4At(1 + id + 4);
        int code = in.u1At(1 + id + 8);
        HprofBasicType type = HprofBasicType.ofCode(code);
        if (type == null || type == HprofBasicType.OBJECT) {
            throw new HprofFormatException("primitive array " + HprofReader.hex(array) + " at offset " + at
                    + " has invalid element type " + code + " " + context(), at, at + 1 + id + 8);
        }
        long bytes = hasData ? count * type.size(id) : 0;
        checkArray(array, at, fixed, count, bytes, end);
        in.advance(fixed);
        counts.primitiveArrayDumps++;
        if (!hasData) {
            counts.primitiveArraysWithoutData++;
        }
        long bodyEnd = in.position() + bytes;
        visitor.primitiveArrayDump(array, type, (int) count, hasData, in, at);
        return finishBody(bodyEnd, at);
    }

    private void checkArray(long array, long at, int fixed, long count, long bytes, long end) {
        if (count > Integer.MAX_VALUE || at + fixed + bytes > end) {
            throw new HprofFormatException("array " + HprofReader.hex(array) + " at offset " + at + " declares "
                    + count + " elements (" + bytes + " bytes), past the end of its heap record at " + end
                    + " " + context(), at, at + 1 + id + 4 + 3);
        }
    }

    private boolean finishBody(long bodyEnd, long at) {
        long pos = in.position();
        if (pos > bodyEnd) {
            throw new IllegalStateException("visitor read past the array at offset " + at);
        }
        return in.skip(bodyEnd - pos) == bodyEnd - pos;
    }

    private boolean classDump(long at, long end) {
        try {
            in.advance(1);
            long classId = in.id();
            in.i4();
            long superId = in.id();
            long loader = in.id();
            for (int i = 0; i < 4; i++) {
                in.id(); // signers, protection domain, two reserved
            }
            int instanceSize = in.i4();
            int poolSize = in.u2();
            for (int i = 0; i < poolSize; i++) {
                in.u2();
                skipValue(in.u1(), at, classId);
            }
            int staticCount = in.u2();
            List<HprofClassDump.StaticField> statics = new ArrayList<>(staticCount);
            for (int i = 0; i < staticCount; i++) {
                long name = in.id();
                HprofBasicType type = type(in.u1(), at, classId);
                int size = type.size(id);
                if (!in.ensure(size)) {
                    return false;
                }
                long value = in.valueAt(0, type);
                in.advance(size);
                statics.add(new HprofClassDump.StaticField(name, type, value));
            }
            int fieldCount = in.u2();
            List<HprofClassDump.Field> fields = new ArrayList<>(fieldCount);
            for (int i = 0; i < fieldCount; i++) {
                long name = in.id();
                fields.add(new HprofClassDump.Field(name, type(in.u1(), at, classId)));
            }
            if (in.position() > end) {
                return true; // the caller reports the overrun with context
            }
            counts.classDumps++;
            visitor.classDump(new HprofClassDump(classId, superId, loader, instanceSize, List.copyOf(statics), List.copyOf(fields)));
            return true;
        } catch (HprofTruncatedException e) {
            return false;
        }
    }

    private void skipValue(int code, long at, long classId) {
        HprofBasicType type = type(code, at, classId);
        int size = type.size(id);
        if (!in.ensure(size)) {
            throw new HprofTruncatedException("", in.position());
        }
        in.advance(size);
    }

    private HprofBasicType type(int code, long at, long classId) {
        HprofBasicType type = HprofBasicType.ofCode(code);
        if (type == null) {
            throw new HprofFormatException("class dump " + HprofReader.hex(classId) + " at offset " + at
                    + " has a field of invalid type " + code + " at offset " + (in.position() - 1) + " " + context(),
                    at, in.position() - 1);
        }
        return type;
    }

    private String context() {
        return "in " + file.path().getFileName() + " (" + header.describe() + ")";
    }
}
