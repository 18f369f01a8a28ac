package dev.heapchain.hprof.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Encodes heap sub-records. Each sub-record is kept as its own byte[] so that callers can split
 * them across HEAP_DUMP_SEGMENTs or shuffle them, as parallel HotSpot dumpers effectively do.
 */
public final class HeapRecordWriter {
    private final int idSize;
    private final List<byte[]> subRecords = new ArrayList<>();

    public HeapRecordWriter(int idSize) {
        new ByteSink(idSize); // validates
        this.idSize = idSize;
    }

    public int idSize() {
        return idSize;
    }

    /** The encoded sub-records in the order written (unmodifiable view). */
    public List<byte[]> subRecords() {
        return Collections.unmodifiableList(subRecords);
    }

    /** @param extras the extra ids (JNI_GLOBAL) or u4s (serials, depths) the kind's layout needs */
    public HeapRecordWriter root(RootKind kind, long objectId, long... extras) {
        if (extras.length != kind.extraIds() + kind.extraU4s()) {
            throw new IllegalArgumentException(kind + " takes " + (kind.extraIds() + kind.extraU4s())
                    + " extra values, got " + extras.length);
        }
        ByteSink s = start(kind.subTag()).id(objectId);
        for (int i = 0; i < extras.length; i++) {
            if (i < kind.extraIds()) {
                s.id(extras[i]);
            } else {
                s.u4(extras[i]);
            }
        }
        return add(s);
    }

    public HeapRecordWriter classDump(ClassDump c) {
        ByteSink s = start(HprofTag.CLASS_DUMP)
                .id(c.classId()).u4(c.stackSerial()).id(c.superclassId()).id(c.loaderId())
                .id(c.signersId()).id(c.protectionDomainId()).id(0).id(0).u4(c.instanceSize());
        s.u2(c.constantPool().size());
        for (ClassDump.ConstantPoolEntry e : c.constantPool()) {
            s.u2(e.index()).u1(e.value().type().code()).value(e.value());
        }
        s.u2(c.staticFields().size());
        for (ClassDump.StaticField f : c.staticFields()) {
            s.id(f.nameId()).u1(f.value().type().code()).value(f.value());
        }
        s.u2(c.instanceFields().size());
        for (ClassDump.InstanceField f : c.instanceFields()) {
            s.id(f.nameId()).u1(f.type().code());
        }
        return add(s);
    }

    /** @param fieldValues already-serialised values: own fields first, then superclasses' */
    public HeapRecordWriter instanceDump(long id, int stackSerial, long classId, byte[] fieldValues) {
        return add(start(HprofTag.INSTANCE_DUMP).id(id).u4(stackSerial).id(classId)
                .u4(fieldValues.length).bytes(fieldValues));
    }

    public HeapRecordWriter objectArrayDump(long id, int stackSerial, long arrayClassId,
            long... elements) {
        ByteSink s = start(HprofTag.OBJ_ARRAY_DUMP).id(id).u4(stackSerial).u4(elements.length)
                .id(arrayClassId);
        for (long e : elements) {
            s.id(e);
        }
        return add(s);
    }

    /** @param javaArray boolean[], char[], float[], double[], byte[], short[], int[] or long[] */
    public HeapRecordWriter primitiveArrayDump(long id, int stackSerial, Object javaArray) {
        PrimitiveArrays.Encoded e = PrimitiveArrays.encode(javaArray);
        return primitiveArrayDump(id, stackSerial, e.type(), e.count(), e.bytes());
    }

    /** Raw form: {@code elements} is written as-is, so it may disagree with {@code count}. */
    public HeapRecordWriter primitiveArrayDump(long id, int stackSerial, BasicType type, int count,
            byte[] elements) {
        if (type == BasicType.OBJECT) {
            throw new IllegalArgumentException("primitive arrays cannot hold objects");
        }
        return add(start(HprofTag.PRIM_ARRAY_DUMP).id(id).u4(stackSerial).u4(count)
                .u1(type.code()).bytes(elements));
    }

    public HeapRecordWriter primitiveArrayNoData(long id, int stackSerial, int count, BasicType type) {
        return add(start(HprofTag.PRIM_ARRAY_NODATA).id(id).u4(stackSerial).u4(count)
                .u1(type.code()));
    }

    public HeapRecordWriter heapDumpInfo(int heapId, long heapNameId) {
        return add(start(HprofTag.HEAP_DUMP_INFO).u4(heapId).id(heapNameId));
    }

    /** Any bytes, taken as one sub-record: for unknown sub-tags and hand-made damage. */
    public HeapRecordWriter raw(byte[] subRecord) {
        subRecords.add(subRecord.clone());
        return this;
    }

    private ByteSink start(int subTag) {
        return new ByteSink(idSize).u1(subTag);
    }

    private HeapRecordWriter add(ByteSink s) {
        subRecords.add(s.toByteArray());
        return this;
    }
}
