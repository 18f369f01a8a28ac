package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a class's instance fields sit in an INSTANCE_DUMP record: own declared fields first, then
 * each superclass's (HotSpot heapDumper.cpp). Gives the offsets of reference fields for edge
 * extraction, and names for a flattened field ordinal.
 */
public final class FieldMap {
    private final HeapClass[] owners;
    private final int[] declaredIndex;
    private final int[] offsets;
    private final HprofBasicType[] types;
    private final int[] refOrdinals;
    private final int weakReferentOrdinal;

    private FieldMap(HeapClass[] owners, int[] declaredIndex, int[] offsets, HprofBasicType[] types,
                     int weakReferentOrdinal) {
        this.owners = owners;
        this.declaredIndex = declaredIndex;
        this.offsets = offsets;
        this.types = types;
        this.weakReferentOrdinal = weakReferentOrdinal;
        int refs = 0;
        for (HprofBasicType t : types) {
            if (t == HprofBasicType.OBJECT) {
                refs++;
            }
        }
        refOrdinals = new int[refs];
        for (int i = 0, r = 0; i < types.length; i++) {
            if (types[i] == HprofBasicType.OBJECT) {
                refOrdinals[r++] = i;
            }
        }
    }

    public static FieldMap of(HeapClass c, int idSize) {
        List<HeapClass> owners = new ArrayList<>();
        List<Integer> declared = new ArrayList<>();
        List<HprofBasicType> types = new ArrayList<>();
        int weak = -1;
        boolean isReference = c.isSubclassOf("java.lang.ref.Reference");
        for (HeapClass k = c; k != null; k = k.superclass()) {
            for (int i = 0; i < k.declaredFields().size(); i++) {
                if (isReference && k.name().equals("java.lang.ref.Reference") && k.fieldName(i).equals("referent")) {
                    weak = types.size();
                }
                owners.add(k);
                declared.add(i);
                types.add(k.fieldType(i));
            }
        }
        int n = types.size();
        int[] offsets = new int[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = at;
            at += types.get(i).size(idSize);
        }
        int[] di = new int[n];
        for (int i = 0; i < n; i++) {
            di[i] = declared.get(i);
        }
        return new FieldMap(owners.toArray(new HeapClass[0]), di, offsets, types.toArray(new HprofBasicType[0]), weak);
    }

    public int fieldCount() {
        return types.length;
    }

    /** Ordinals of reference fields, in record order. */
    public int[] referenceOrdinals() {
        return refOrdinals;
    }

    public int offset(int ordinal) {
        return offsets[ordinal];
    }

    public HprofBasicType type(int ordinal) {
        return types[ordinal];
    }

    public String name(int ordinal) {
        return owners[ordinal].fieldName(declaredIndex[ordinal]);
    }

    public HeapClass owner(int ordinal) {
        return owners[ordinal];
    }

    /** Ordinal of the field with this name, searching the class's own fields first; -1 if none. */
    public int ordinalOf(String name) {
        for (int i = 0; i < types.length; i++) {
            if (name(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Ordinal of java.lang.ref.Reference.referent for Reference subclasses, else -1. */
    public int weakReferentOrdinal() {
        return weakReferentOrdinal;
    }
}
