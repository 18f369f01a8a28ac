package dev.heapchain.hprof.testing;

import java.util.List;

/** The body of a CLASS_DUMP (0x20) sub-record, field for field. */
public record ClassDump(
        long classId,
        int stackSerial,
        long superclassId,
        long loaderId,
        long signersId,
        long protectionDomainId,
        int instanceSize,
        List<ConstantPoolEntry> constantPool,
        List<StaticField> staticFields,
        List<InstanceField> instanceFields) {

    public ClassDump {
        constantPool = List.copyOf(constantPool);
        staticFields = List.copyOf(staticFields);
        instanceFields = List.copyOf(instanceFields);
    }

    /** The common case: no loader, signers, protection domain or constant pool. */
    public ClassDump(long classId, int stackSerial, long superclassId, int instanceSize,
            List<StaticField> staticFields, List<InstanceField> instanceFields) {
        this(classId, stackSerial, superclassId, 0, 0, 0, instanceSize, List.of(), staticFields,
                instanceFields);
    }

    public record ConstantPoolEntry(int index, HprofValue value) {
    }

    public record StaticField(long nameId, HprofValue value) {
    }

    public record InstanceField(long nameId, BasicType type) {
    }
}
