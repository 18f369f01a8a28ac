package dev.heapchain.hprof;

import java.util.List;

/**
 * A CLASS_DUMP sub-record. One object per class is cheap (classes number in the tens of
 * thousands at most), so this is a plain record.
 *
 * @param instanceSize the writer's figure (HPROF field bytes), not the JVM's object size
 * @param instanceFields declared instance fields, in dump order
 */
public record HprofClassDump(long classId, long superclassId, long classLoaderId, int instanceSize,
                             List<StaticField> staticFields, List<Field> instanceFields) {

    /** An instance field declaration: name string id and type. */
    public record Field(long nameId, HprofBasicType type) {
    }

    /** A static field with its value's raw bits (an id for OBJECT). */
    public record StaticField(long nameId, HprofBasicType type, long value) {
    }
}
