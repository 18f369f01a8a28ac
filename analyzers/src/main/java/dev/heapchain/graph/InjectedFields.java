package dev.heapchain.graph;

import java.util.List;
import java.util.Map;

/**
 * Fields that HotSpot adds to a few JDK classes (javaClasses.hpp, {@code *_INJECTED_FIELDS}). They
 * take room in every instance, but the heap dumper iterates only the class file's fields, so
 * HPROF never lists them. Without them ClassLoader, Module and MemberName instances come out 8
 * bytes short on JDK 17 (measured against GC.class_histogram) and ClassLoaders 8 bytes short on
 * JDK 8 and 11 (measured by object address distances); see docs/size-model.md.
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

    private static final String CALL_SITE_CONTEXT = "java.lang.invoke.MethodHandleNatives$CallSiteContext";

    /**
     * JDK 9 and later (checked on JDK 11 through object address distances, and on JDK 17 against
     * GC.class_histogram). Apart from ClassLoader and MemberName these classes exist from JDK 9 on.
     */
    private static final Map<String, List<Field>> MODERN = Map.of(
            "java.lang.ClassLoader", List.of(new Field("loader_data", Kind.INTPTR)),
            "java.lang.Module", List.of(new Field("module_entry", Kind.INTPTR)),
            "java.lang.invoke.MemberName", List.of(new Field("vmindex", Kind.INTPTR)),
            "java.lang.invoke.ResolvedMethodName", List.of(new Field("vmtarget", Kind.INTPTR),
                    new Field("vmholder", Kind.OOP)),
            CALL_SITE_CONTEXT, List.of(
                    new Field("vmdependencies", Kind.INTPTR), new Field("last_cleanup", Kind.INTPTR)),
            "java.lang.StackFrameInfo", List.of(new Field("version", Kind.SHORT)));

    /** JDK 8 (checked on 8u05 and 8u151 dumps through object address distances). */
    private static final Map<String, List<Field>> JDK8 = Map.of(
            "java.lang.ClassLoader", List.of(new Field("loader_data", Kind.INTPTR)),
            "java.lang.invoke.MemberName", List.of(new Field("vmloader", Kind.OOP),
                    new Field("vmindex", Kind.INTPTR), new Field("vmtarget", Kind.INTPTR)));

    /** Which table a dump needs, told by its classes. */
    enum Era {
        /** JDK 7 and older: no injected field is modelled (JDK 6 was checked against jmap). */
        OLD,
        JDK8,
        /** java.lang.Module exists. */
        MODERN;

        static Era of(HeapClassTable classes) {
            if (classes.byName("java.lang.Module") != null) {
                return MODERN;
            }
            HeapClass thread = classes.byName("java.lang.Thread");
            if (thread != null) {
                for (int i = 0; i < thread.declaredFields().size(); i++) {
                    if (thread.fieldName(i).equals("threadLocalRandomSeed")) {
                        return JDK8; // added in JDK 8 for ThreadLocalRandom
                    }
                }
            }
            return OLD;
        }
    }

    private InjectedFields() {
    }

    /** Hidden fields of {@code c} under {@code layout} in a dump of {@code era}; empty for most classes. */
    static List<Field> of(HeapClass c, FieldLayout layout, Era era) {
        if (layout == FieldLayout.ART || era == Era.OLD || c.dump() == null || c.dump().classLoaderId() != 0) {
            return List.of(); // only the boot loader's classes get injected fields
        }
        List<Field> fields = (era == Era.MODERN ? MODERN : JDK8).getOrDefault(c.name(), List.of());
        if (layout == FieldLayout.LEGACY && c.name().equals(CALL_SITE_CONTEXT)) {
            fields = fields.subList(0, 1); // last_cleanup: on JDK 17, not on JDK 11 (24-byte instances)
        }
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
