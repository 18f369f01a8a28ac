package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofClassDump;

import java.util.List;

/**
 * One class of the dump: its name in source form, superclass and declared fields. Resolved from
 * the dump's CLASS_DUMP and LOAD_CLASS records, keyed by class object id.
 */
public final class HeapClass {
    private final long id;
    private final String name;
    private final HprofClassDump dump;
    private final String[] fieldNames;
    private HeapClass superclass;
    private int index;

    HeapClass(long id, String name, HprofClassDump dump, String[] fieldNames) {
        this.id = id;
        this.name = name;
        this.dump = dump;
        this.fieldNames = fieldNames;
    }

    public long id() {
        return id;
    }

    /** Source form, e.g. {@code java.lang.String[]}. */
    public String name() {
        return name;
    }

    /** Dense index within its {@link HeapClassTable}. */
    public int index() {
        return index;
    }

    void index(int index) {
        this.index = index;
    }

    /** Null for java.lang.Object, for a missing superclass, and for a class that would close a cycle. */
    public HeapClass superclass() {
        return superclass;
    }

    void superclass(HeapClass superclass) {
        this.superclass = superclass;
    }

    public long superclassId() {
        return dump == null ? 0 : dump.superclassId();
    }

    /** Null for classes known only from LOAD_CLASS (no CLASS_DUMP in the selected dump). */
    public HprofClassDump dump() {
        return dump;
    }

    public boolean isArray() {
        return name.endsWith("[]");
    }

    public List<HprofClassDump.Field> declaredFields() {
        return dump == null ? List.of() : dump.instanceFields();
    }

    public String fieldName(int declaredIndex) {
        return fieldNames[declaredIndex];
    }

    public HprofBasicType fieldType(int declaredIndex) {
        return dump.instanceFields().get(declaredIndex).type();
    }

    /** Whether this class is {@code name} or inherits from it. */
    public boolean isSubclassOf(String className) {
        for (HeapClass c = this; c != null; c = c.superclass) {
            if (c.name.equals(className)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name;
    }
}
