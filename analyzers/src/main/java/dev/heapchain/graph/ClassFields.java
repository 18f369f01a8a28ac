package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instance fields that one class adds, as the layout code needs them: counts by width of the
 * ordinary fields, and the {@code @Contended} groups in order of first appearance, each with its
 * fields' widths in declaration order.
 *
 * @param bySize     ordinary primitive (and injected pointer-sized) fields by width 1, 2, 4, 8
 * @param oops       ordinary reference fields
 * @param groups     contended groups: each a list of widths, with {@code -1} standing for a reference
 * @param contended  whether the whole class is annotated {@code @Contended}
 * @param legacyOopsFirst whether JDK 6-8 lays this class out references first (see below)
 */
record ClassFields(int[] bySize, int oops, List<List<Integer>> groups, boolean contended, boolean legacyOopsFirst) {
    static final int OOP = -1;

    /**
     * JDK 6-8 classFileParser gives these bootstrap classes hard-coded field offsets and lays them out
     * oops-first without compaction.
     */
    private static final Set<String> OOPS_FIRST = Set.of("java.lang.AssertionStatusDirectives", "java.lang.Class",
            "java.lang.ClassLoader", "java.lang.ref.Reference", "java.lang.ref.SoftReference",
            "java.lang.StackTraceElement", "java.lang.String", "java.lang.Throwable", "java.lang.Boolean",
            "java.lang.Character", "java.lang.Float", "java.lang.Double", "java.lang.Byte", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long");

    static ClassFields of(HeapClass c, SizeModel m, InjectedFields.Era era) {
        int[] bySize = new int[9];
        int oops = 0;
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < c.declaredFields().size(); i++) {
            HprofBasicType type = c.fieldType(i);
            int width = type == HprofBasicType.OBJECT ? OOP : type.size(8);
            String group = m.layout() == FieldLayout.ART ? null : ContendedFields.group(c, c.fieldName(i), m.layout());
            if (group != null) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(width);
            } else if (width == OOP) {
                oops++;
            } else {
                bySize[width]++;
            }
        }
        int pointer = m.referenceSize() == 8 || m.headerSize() > 8 ? 8 : 4; // a 64-bit VM has 8-byte pointers
        for (InjectedFields.Field f : InjectedFields.of(c, m.layout(), era)) {
            switch (f.kind()) {
                case OOP -> oops++;
                case INTPTR -> bySize[pointer]++;
                case SHORT -> bySize[2]++;
            }
        }
        boolean contended = m.layout() != FieldLayout.ART && ContendedFields.isContendedClass(c);
        boolean oopsFirst = OOPS_FIRST.contains(c.name()) && c.dump() != null && c.dump().classLoaderId() == 0;
        return new ClassFields(bySize, oops, List.copyOf(groups.values()), contended, oopsFirst);
    }
}
