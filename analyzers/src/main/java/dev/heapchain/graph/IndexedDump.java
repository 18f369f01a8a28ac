package dev.heapchain.graph;

import dev.heapchain.util.CharArray;
import dev.heapchain.util.IndexArray;
import dev.heapchain.util.IntArray;
import dev.heapchain.util.LongArray;

/**
 * What the {@link IndexPass} read, handed to the graph build as one value. The arrays are handed
 * over with it: the build rewrites some of them in place and frees them, so a value is used once.
 *
 * @param ids                    every object's id, in stream order
 * @param slots                  every object's class slot (see {@link IndexPass#CLASS_OBJECT_SLOT}), in stream order
 * @param lengths                every array's length (0 for other objects), in stream order
 * @param slotClassIds           the class id of each slot from {@link IndexPass#FIRST_CLASS_SLOT} on (0 below)
 * @param classObjects           how many of the objects are class objects
 * @param ascending              whether all ids ascend in stream order
 * @param ascendingExceptClasses whether all ids but those of class objects do
 * @param nonClassIdBits         the OR of every id's distance from the first, class objects left out
 * @param roots                  the root records, as the dump lists them
 * @param inference              the size-model sample
 * @param classDumps             the strings, LOAD_CLASS and CLASS_DUMP records, for the class table
 * @param edges                  the references, or null when the pass could not read them all
 * @param checkpoints            where to read the objects again, if nodes keep the stream order
 */
record IndexedDump(LongArray ids, IntArray slots, IntArray lengths, long[] slotClassIds, long classObjects,
                   boolean ascending, boolean ascendingExceptClasses, long nonClassIdBits, HeapRoots.Raw roots,
                   SizeModelInference inference, ClassTableCollector classDumps, Edges edges,
                   Checkpoints checkpoints) {

    /** Whether the one-pass route may apply: every reference read, and the ids in order but for class objects. */
    boolean onePassLikely() {
        return edges != null && ascendingExceptClasses;
    }

    /** The class table; classes that objects name but the dump lacks get placeholders. */
    HeapClassTable classTable() {
        return classDumps.classTable(java.util.Arrays.copyOfRange(slotClassIds, IndexPass.FIRST_CLASS_SLOT,
                slotClassIds.length));
    }

    /**
     * The references by their raw ids, row by row: instances and arrays in stream order (class
     * objects left out), and class objects apart. Each row-start list ends with the end offset.
     *
     * @param weakSkipped Reference.referent edges left out
     * @param captured    the field bytes of the instances asked for, by the node they will have
     * @param layouts     the reference-field layouts the pass read instances with, by class slot
     */
    record Edges(IndexArray rowStart, RefList rawTargets, CharArray labels, IndexArray classRowStart,
                 LongArray classRawTargets, CharArray classLabels, long weakSkipped, CapturedFields.Builder captured,
                 IndexPass.Layout[] layouts) {

        void free() {
            rawTargets.free();
            labels.free();
            classRawTargets.free();
            classLabels.free();
            rowStart.free();
            classRowStart.free();
        }

        /** Whether the layouts the pass read references with are the ones the class table gives. */
        boolean layoutsAgree(int[] slotClass, FieldMap[] maps) {
            for (int slot = IndexPass.FIRST_CLASS_SLOT; slot < Math.min(layouts.length, slotClass.length); slot++) {
                IndexPass.Layout l = layouts[slot];
                if (l == null) {
                    continue;
                }
                FieldMap m = maps[slotClass[slot]];
                int[] refs = m.referenceOrdinals();
                if (refs.length != l.ordinals().length || m.weakReferentOrdinal() != l.weakOrdinal()) {
                    return false;
                }
                for (int k = 0; k < refs.length; k++) {
                    if (refs[k] != l.ordinals()[k] || m.offset(refs[k]) != l.offsets()[k]) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
