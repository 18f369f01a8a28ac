package dev.heapchain.hprof.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A class declared in a {@link DumpBuilder}. It stays mutable until {@code toBytes()}, so tests
 * can add fields or rewire the superclass (even into a cycle) after creating instances.
 */
public final class HeapClass implements DumpObject {
    record Field(String name, byte[] nameBytes, BasicType type) {
    }

    record Static(byte[] nameBytes, HprofValue value) {
    }

    private final long id;
    private final int serial;
    final byte[] nameBytes;
    private final String name;
    long superclassId;
    long loaderId;
    Integer instanceSize;
    int loadClassRecords = 1;
    int classDumpRecords = 1;
    final List<Field> fields = new ArrayList<>();
    final List<Static> statics = new ArrayList<>();
    final List<ClassDump.ConstantPoolEntry> constantPool = new ArrayList<>();

    HeapClass(long id, int serial, byte[] nameBytes, String name, long superclassId) {
        this.id = id;
        this.serial = serial;
        this.nameBytes = nameBytes;
        this.name = name;
        this.superclassId = superclassId;
    }

    @Override
    public long id() {
        return id;
    }

    /** The LOAD_CLASS serial. */
    public int serial() {
        return serial;
    }

    public String name() {
        return name;
    }

    /** May be this class itself, or close a cycle: readers must survive both. */
    public HeapClass superclass(DumpObject superclass) {
        return superclassId(superclass == null ? 0 : superclass.id());
    }

    /** 0 for none; an id with no CLASS_DUMP gives a missing superclass. */
    public HeapClass superclassId(long id) {
        this.superclassId = id;
        return this;
    }

    public HeapClass instanceField(String fieldName, BasicType type) {
        fields.add(new Field(fieldName, HprofWriter.modifiedUtf8(fieldName), type));
        return this;
    }

    /** Field name given as raw bytes; {@code lookupName} is only for {@link HeapInstance#set}. */
    public HeapClass instanceField(byte[] rawName, String lookupName, BasicType type) {
        fields.add(new Field(lookupName, rawName.clone(), type));
        return this;
    }

    public HeapClass staticField(String fieldName, HprofValue value) {
        statics.add(new Static(HprofWriter.modifiedUtf8(fieldName), value));
        return this;
    }

    /** Converts {@code value} like {@link HprofValue#of}: a DumpObject or Long for references. */
    public HeapClass staticField(String fieldName, BasicType type, Object value) {
        return staticField(fieldName, HprofValue.of(type, value));
    }

    public HeapClass constantPoolEntry(int index, HprofValue value) {
        constantPool.add(new ClassDump.ConstantPoolEntry(index, value));
        return this;
    }

    public HeapClass classLoader(long loaderId) {
        this.loaderId = loaderId;
        return this;
    }

    /** Overrides the computed figure (sum of field sizes up the hierarchy, as HotSpot writes). */
    public HeapClass instanceSize(int bytes) {
        this.instanceSize = bytes;
        return this;
    }

    /** 0 omits LOAD_CLASS; 2+ duplicates it, as JDK 8 and 11 do for object-array classes. */
    public HeapClass loadClassRecords(int count) {
        this.loadClassRecords = count;
        return this;
    }

    /** 0 omits the CLASS_DUMP; 2+ writes a duplicated class dump. */
    public HeapClass classDumpRecords(int count) {
        this.classDumpRecords = count;
        return this;
    }

    @Override
    public String toString() {
        return name + "@0x" + Long.toHexString(id);
    }
}
