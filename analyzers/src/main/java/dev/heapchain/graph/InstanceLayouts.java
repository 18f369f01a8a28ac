package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofClassDump;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Set;

/**
 * Computes the instance size of every class under a {@link SizeModel} by replaying the JVM's field
 * layout, superclass first. Classes are processed with an explicit stack: a hostile dump may hold
 * very deep hierarchies.
 */
public final class InstanceLayouts {
    /**
     * JDK 6-8 classFileParser gives these bootstrap classes hard-coded field offsets and lays them out
     * oops-first without compaction.
     */
    private static final Set<String> OOPS_FIRST = Set.of("java.lang.AssertionStatusDirectives", "java.lang.Class",
            "java.lang.ClassLoader", "java.lang.ref.Reference", "java.lang.ref.SoftReference",
            "java.lang.StackTraceElement", "java.lang.String", "java.lang.Throwable", "java.lang.Boolean",
            "java.lang.Character", "java.lang.Float", "java.lang.Double", "java.lang.Byte", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long");

    private InstanceLayouts() {
    }

    /** Instance size in bytes of each class, by class index. Array classes get 0. */
    public static int[] sizes(HeapClassTable classes, SizeModel model) {
        int n = classes.size();
        Layout[] layouts = new Layout[n];
        int[] sizes = new int[n];
        ArrayDeque<HeapClass> stack = new ArrayDeque<>();
        for (HeapClass c : classes.all()) {
            stack.push(c);
            while (!stack.isEmpty()) {
                HeapClass top = stack.peek();
                if (layouts[top.index()] != null) {
                    stack.pop();
                    continue;
                }
                HeapClass s = top.superclass();
                if (s != null && layouts[s.index()] == null) {
                    stack.push(s);
                    continue;
                }
                stack.pop();
                Layout parent = s == null ? Layout.root(model) : layouts[s.index()];
                Layout own = parent.extend(top, model);
                layouts[top.index()] = own;
                sizes[top.index()] = top.isArray() ? 0 : own.instanceSize(model);
            }
        }
        return sizes;
    }

    /** Field placement state after one class: free holes below {@code end}, and the end. */
    private record Layout(int[] holeStarts, int[] holeEnds, int end, int legacyFieldsEnd) {
        static Layout root(SizeModel m) {
            return new Layout(new int[0], new int[0], m.headerSize(), m.headerSize());
        }

        int instanceSize(SizeModel m) {
            int used = end;
            int word = m.referenceSize() == 8 || m.headerSize() > 8 ? 8 : 4;
            return SizeModel.align(SizeModel.align(used, word), m.alignment());
        }

        Layout extend(HeapClass c, SizeModel m) {
            int[] bySize = new int[9];
            int oops = 0;
            for (HprofClassDump.Field f : c.declaredFields()) {
                if (f.type() == HprofBasicType.OBJECT) {
                    oops++;
                } else {
                    bySize[f.type().size(8)]++;
                }
            }
            return switch (m.layout()) {
                case LEGACY -> legacy(c, m, bySize, oops);
                case COMPACT -> compact(m, bySize, oops, false);
                case ART -> compact(m, bySize, oops, true);
            };
        }

        // ---- LEGACY: end is this class's unaligned field end, legacyFieldsEnd where subclasses start ----
        private Layout legacy(HeapClass c, SizeModel m, int[] bySize, int oops) {
            int oop = m.referenceSize();
            int longs = bySize[8];
            int words = bySize[4];
            int shorts = bySize[2];
            int bytes = bySize[1];
            int start = legacyFieldsEnd;
            boolean oopsFirst = OOPS_FIRST.contains(c.name()) && c.dump() != null && c.dump().classLoaderId() == 0;
            int next;
            if (oopsFirst) {
                int doubleOffset = SizeModel.align(start + oops * oop, longs > 0 ? 8 : 1);
                next = doubleOffset + longs * 8 + words * 4 + shorts * 2 + bytes;
            } else {
                int doubleOffset = start;
                if (longs > 0) {
                    doubleOffset = SizeModel.align(start, 8);
                    int gap = doubleOffset - start;
                    if (gap > 0) {
                        if (words > 0) {
                            words--;
                            gap -= 4;
                        }
                        while (gap >= 2 && shorts > 0) {
                            shorts--;
                            gap -= 2;
                        }
                        while (gap > 0 && bytes > 0) {
                            bytes--;
                            gap--;
                        }
                        if (gap >= oop && oops > 0) {
                            oops--;
                        }
                    }
                }
                int padded = doubleOffset + longs * 8 + words * 4 + shorts * 2 + bytes;
                next = oops > 0 ? SizeModel.align(padded, oop) + oops * oop : padded;
            }
            return new Layout(holeStarts, holeEnds, next, SizeModel.align(next, oop));
        }

        // ---- COMPACT / ART ----
        private Layout compact(SizeModel m, int[] bySize, int oops, boolean oopsFirst) {
            int[] starts = Arrays.copyOf(holeStarts, holeStarts.length + 16);
            int[] ends = Arrays.copyOf(holeEnds, holeEnds.length + 16);
            int[] state = {holeStarts.length, end};
            if (oopsFirst) {
                place(starts, ends, state, m.referenceSize(), oops);
            }
            for (int size = 8; size >= 1; size /= 2) {
                place(starts, ends, state, size, bySize[size]);
            }
            if (!oopsFirst) {
                place(starts, ends, state, m.referenceSize(), oops);
            }
            int holes = state[0];
            return new Layout(Arrays.copyOf(starts, holes), Arrays.copyOf(ends, holes), state[1], 0);
        }

        /** First-fit placement of {@code count} fields of {@code size} bytes, aligned to their size. */
        private static void place(int[] starts, int[] ends, int[] state, int size, int count) {
            for (int k = 0; k < count; k++) {
                boolean done = false;
                for (int h = 0; h < state[0] && !done; h++) {
                    int at = SizeModel.align(starts[h], size);
                    if (at + size <= ends[h]) {
                        int oldEnd = ends[h];
                        ends[h] = at;
                        if (at + size < oldEnd) {
                            addHole(starts, ends, state, at + size, oldEnd);
                        }
                        done = true;
                    }
                }
                if (!done) {
                    int at = SizeModel.align(state[1], size);
                    if (at > state[1]) {
                        addHole(starts, ends, state, state[1], at);
                    }
                    state[1] = at + size;
                }
                compactHoles(starts, ends, state);
            }
        }

        private static void addHole(int[] starts, int[] ends, int[] state, int s, int e) {
            if (state[0] == starts.length) {
                compactHoles(starts, ends, state);
                if (state[0] == starts.length) {
                    return; // more holes than fields can ever fill: forgetting one only over-estimates
                }
            }
            starts[state[0]] = s;
            ends[state[0]] = e;
            state[0]++;
            sortHoles(starts, ends, state[0]);
        }

        private static void compactHoles(int[] starts, int[] ends, int[] state) {
            int w = 0;
            for (int h = 0; h < state[0]; h++) {
                if (ends[h] > starts[h]) {
                    starts[w] = starts[h];
                    ends[w] = ends[h];
                    w++;
                }
            }
            state[0] = w;
        }

        private static void sortHoles(int[] starts, int[] ends, int n) {
            for (int i = 1; i < n; i++) {
                for (int j = i; j > 0 && starts[j - 1] > starts[j]; j--) {
                    int t = starts[j];
                    starts[j] = starts[j - 1];
                    starts[j - 1] = t;
                    t = ends[j];
                    ends[j] = ends[j - 1];
                    ends[j - 1] = t;
                }
            }
        }
    }
}
