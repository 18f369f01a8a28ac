package dev.heapchain.hprof.testing;

import java.util.IdentityHashMap;
import java.util.Map;

/** An INSTANCE_DUMP being built. Unset fields are written as zero / null. */
public final class HeapInstance implements DumpObject {
    private final DumpModel model;
    private final long id;
    private final long classId;
    final Map<HeapClass.Field, HprofValue> values = new IdentityHashMap<>();
    byte[] rawFieldBytes;

    HeapInstance(DumpModel model, long id, long classId) {
        this.model = model;
        this.id = id;
        this.classId = classId;
    }

    @Override
    public long id() {
        return id;
    }

    public long classId() {
        return classId;
    }

    /**
     * Sets the most-derived field called {@code fieldName}; {@code value} is converted to the
     * field's type (DumpObject or Long for references, Number, Boolean, Character, HprofValue).
     */
    public HeapInstance set(String fieldName, Object value) {
        for (HeapClass c : model.hierarchy(classId)) {
            if (trySet(c, fieldName, value)) {
                return this;
            }
        }
        throw new IllegalArgumentException("no field " + fieldName + " in class 0x"
                + Long.toHexString(classId) + " or its superclasses");
    }

    /** For a field hidden by a subclass field of the same name. */
    public HeapInstance set(HeapClass owner, String fieldName, Object value) {
        if (!trySet(owner, fieldName, value)) {
            throw new IllegalArgumentException("no field " + fieldName + " in " + owner);
        }
        return this;
    }

    /** Writes exactly these bytes as the field values, e.g. too few for the class's layout. */
    public HeapInstance rawFieldBytes(byte[] bytes) {
        this.rawFieldBytes = bytes.clone();
        return this;
    }

    private boolean trySet(HeapClass c, String fieldName, Object value) {
        for (HeapClass.Field f : c.fields) {
            if (f.name().equals(fieldName)) {
                values.put(f, HprofValue.of(f.type(), value));
                return true;
            }
        }
        return false;
    }
}
