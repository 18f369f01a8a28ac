package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofClassDump;
import dev.heapchain.hprof.HprofClassNames;
import dev.heapchain.hprof.HprofWarning;
import dev.heapchain.hprof.HprofWarnings;
import dev.heapchain.util.LongIntMap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * Every class of the selected dump, keyed by class object id (duplicate LOAD_CLASS records for one
 * id exist in JDK 8 and 11 dumps, so names never serve as keys). Primitive arrays carry only an
 * element type in HPROF; their classes come from {@code [B}-style names or are synthesised.
 */
public final class HeapClassTable {
    private final List<HeapClass> classes;
    private final LongIntMap byId;
    private final HeapClass[] primitiveArrayClasses = new HeapClass[12];
    private final HeapStrings strings;
    /** Filled while the table is built (missing classes, then superclass links), bounded. */
    private final HprofWarnings warnings;

    HeapClassTable(List<HeapClass> classes, HeapStrings strings, HprofWarnings warnings) {
        this.classes = Collections.unmodifiableList(classes);
        this.strings = strings;
        this.warnings = warnings;
        this.byId = new LongIntMap(classes.size());
        for (int i = 0; i < classes.size(); i++) {
            HeapClass c = classes.get(i);
            c.index(i);
            byId.put(c.id(), i);
            for (HprofBasicType t : HprofBasicType.values()) {
                if (t.isPrimitive() && c.name().equals(t.javaName() + "[]")) {
                    primitiveArrayClasses[t.code()] = c;
                }
            }
        }
    }

    public List<HeapClass> all() {
        return classes;
    }

    public int size() {
        return classes.size();
    }

    /** The class with this object id, or null. */
    public HeapClass byId(long classId) {
        int i = byId.get(classId);
        return i < 0 ? null : classes.get(i);
    }

    public HeapClass byIndex(int index) {
        return classes.get(index);
    }

    /** The class of primitive arrays of this type; null only if the table was built without them. */
    public HeapClass primitiveArrayClass(HprofBasicType type) {
        return primitiveArrayClasses[type.code()];
    }

    /** First class with this source-form name (names can repeat across class loaders). */
    public HeapClass byName(String name) {
        for (HeapClass c : classes) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    public HeapStrings strings() {
        return strings;
    }

    /** Problems found while resolving classes: missing names, superclass cycles. */
    public List<HprofWarning> warnings() {
        return warnings.list();
    }

    /** Builds the table from what a {@link ClassTableCollector} saw. */
    static HeapClassTable build(HeapStrings strings, LongUnaryOperator nameIdOf, List<Long> nameOrder,
                                List<HprofClassDump> dumps, long[] referencedIds) {
        HprofWarnings warnings = new HprofWarnings();
        List<HeapClass> list = new ArrayList<>();
        LongIntMap seen = new LongIntMap(dumps.size());
        for (HprofClassDump d : dumps) {
            if (seen.put(d.classId(), 0) >= 0) {
                continue; // a duplicate CLASS_DUMP adds nothing
            }
            list.add(make(d.classId(), d, strings, nameIdOf));
        }
        for (long classId : nameOrder) {
            if (seen.put(classId, 0) < 0) {
                list.add(make(classId, null, strings, nameIdOf));
            }
        }
        for (long classId : referencedIds) {
            if (seen.put(classId, 0) < 0) {
                // Instances name a class the dump lacks: keep them under a placeholder, not lose them.
                warnings.add(new HprofWarning("missing-class", -1, "objects name class 0x" + Long.toHexString(classId)
                        + ", which the dump does not hold"), "classes that objects name but the dump does not hold");
                list.add(new HeapClass(classId, "unknown class 0x" + Long.toHexString(classId), null, new String[0]));
            }
        }
        for (HprofBasicType t : HprofBasicType.values()) {
            if (!t.isPrimitive()) {
                continue;
            }
            String name = t.javaName() + "[]";
            if (list.stream().noneMatch(c -> c.name().equals(name))) {
                // Synthetic ids cannot collide with real ones: real ids are aligned addresses.
                list.add(new HeapClass(-t.code(), name, null, new String[0]));
            }
        }
        list.sort((a, b) -> Long.compareUnsigned(a.id(), b.id()));
        HeapClassTable table = new HeapClassTable(list, strings, warnings);
        table.linkSuperclasses(warnings);
        return table;
    }

    private static HeapClass make(long classId, HprofClassDump d, HeapStrings strings, LongUnaryOperator nameIdOf) {
        long nameId = nameIdOf.applyAsLong(classId);
        String raw = nameId == -1 ? null : strings.get(nameId);
        String name = raw == null ? "class@0x" + Long.toHexString(classId) : HprofClassNames.toSourceForm(raw);
        String[] fieldNames = new String[d == null ? 0 : d.instanceFields().size()];
        for (int i = 0; i < fieldNames.length; i++) {
            String f = strings.get(d.instanceFields().get(i).nameId());
            fieldNames[i] = f == null ? "field#" + i : f;
        }
        return new HeapClass(classId, name, d, fieldNames);
    }

    private void linkSuperclasses(HprofWarnings warnings) {
        for (HeapClass c : classes) {
            long superId = c.superclassId();
            if (superId == 0) {
                continue;
            }
            HeapClass s = byId(superId);
            if (s == null) {
                warnings.add(new HprofWarning("missing-superclass", -1, "class " + c.name()
                        + " names superclass 0x" + Long.toHexString(superId) + ", which the dump does not hold"),
                        "classes whose superclass the dump does not hold");
                continue;
            }
            c.superclass(s);
        }
        for (HeapClass c : classes) {
            int steps = 0;
            for (HeapClass s = c.superclass(); s != null; s = s.superclass()) {
                if (s == c || ++steps > classes.size()) {
                    warnings.add(new HprofWarning("superclass-cycle", -1, "class " + c.name()
                            + " is its own superclass through a cycle; its superclass link is ignored"),
                            "classes that are their own superclass through a cycle");
                    c.superclass(null);
                    break;
                }
            }
        }
    }
}
