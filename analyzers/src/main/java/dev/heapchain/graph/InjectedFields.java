package dev.heapchain.graph;

import java.util.List;
import java.util.Map;

/**
 * Fields that HotSpot adds to a few JDK classes (javaClasses.hpp, {@code *_INJECTED_FIELDS}). They
 * take room in every instance, but the heap dumper iterates only the class file's fields, so
 * HPROF never lists them. Without them ClassLoader, Module and MemberName instances come out 8
 * bytes short on JDK 17 (measured against GC.class_histogram, see docs/size-model.md).
 *
 * <p>{@code intptr} fields are as wide as a native pointer: 8 bytes on a 64-bit VM, 4 on a 32-bit
 * one. java.lang.Class also has injected fields, but its instances are class mirrors whose size
 * HPROF cannot give anyway (statics live in the mirror), so it is left out.
 */
final class InjectedFields {
    /** One hidden field: a pointer-sized word, an object reference or a short. */
    enum Kind {
        INTPTR, OOP, SHORT
    }

    record Field(String name, Kind kind) {
    }

    /**
     * JDK 15+ (the compact-layout era, checked on JDK 17). Each class exists only from JDK 9 on,
     * except ClassLoader and MemberName, whose injected fields differ in older JDKs.
     */
    private static final Map<String, List<Field>> MODERN = Map.of(
            "java.lang.ClassLoader", List.of(new Field("loader_data", Kind.INTPTR)),
            "java.lang.Module", List.of(new Field("module_entry", Kind.INTPTR)),
            "java.lang.invoke.MemberName", List.of(new Field("vmindex", Kind.INTPTR)),
            "java.lang.invoke.ResolvedMethodName", List.of(new Field("vmtarget", Kind.INTPTR),
                    new Field("vmholder", Kind.OOP)),
            "java.lang.invoke.MethodHandleNatives$CallSiteContext", List.of(
                    new Field("vmdependencies", Kind.INTPTR), new Field("last_cleanup", Kind.INTPTR)),
            "java.lang.StackFrameInfo", List.of(new Field("version", Kind.SHORT)));

    private InjectedFields() {
    }

    /** Hidden fields of {@code c} under {@code layout}; empty for most classes. */
    static List<Field> of(HeapClass c, FieldLayout layout) {
        if (layout != FieldLayout.COMPACT || c.dump() == null || c.dump().classLoaderId() != 0) {
            return List.of(); // only the boot loader's classes get injected fields
        }
        List<Field> fields = MODERN.getOrDefault(c.name(), List.of());
        for (int i = 0; i < c.declaredFields().size(); i++) {
            for (Field f : fields) {
                if (f.name().equals(c.fieldName(i))) {
                    return List.of(); // a writer that lists it already counted it
                }
            }
        }
        return fields;
    }
}
