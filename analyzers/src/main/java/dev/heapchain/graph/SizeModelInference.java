package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofHeader;
import dev.heapchain.hprof.HprofVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the {@link SizeModel} from the dump itself. Object ids are addresses in HotSpot and ART
 * dumps, and heap walkers emit objects in address order, so the distance from one object record
 * to the next is usually that object's exact size. Each candidate model predicts the size of the
 * first object of many such pairs: a right model matches most distances and never predicts more
 * than the distance (objects cannot overlap); a model that is too small matches few.
 *
 * <p>Feed it every object in stream order during a pass; it keeps the first {@value #SAMPLES}
 * pairs only, so the cost is bounded.
 */
public final class SizeModelInference {
    static final int SAMPLES = 1 << 18;
    private static final int MAX_DISTANCE = 1 << 16;
    private static final long OBJECT_ARRAY = -HprofBasicType.OBJECT.code();
    /** Highest HPROF basic type code (LONG = 11). */
    private static final int MAX_CODE = 11;

    // Grown on demand up to SAMPLES: 16 MB allocated up front would dominate reading a small dump.
    private long[] ref = new long[1024];
    private int[] length = new int[1024];
    private int[] distance = new int[1024];
    private int count;
    private long previousId = -1;
    private long previousRef;
    private int previousLength;

    public void instance(long objectId, long classId) {
        next(objectId, classId, 0);
    }

    public void objectArray(long arrayId, int len) {
        next(arrayId, OBJECT_ARRAY, len);
    }

    public void primitiveArray(long arrayId, HprofBasicType type, int len) {
        next(arrayId, -type.code(), len);
    }

    private void next(long id, long what, int len) {
        if (count >= SAMPLES) {
            return;
        }
        long d = id - previousId;
        if (previousId != -1 && d > 0 && d <= MAX_DISTANCE) {
            if (count == ref.length) {
                int grown = Math.min(SAMPLES, count * 2);
                ref = java.util.Arrays.copyOf(ref, grown);
                length = java.util.Arrays.copyOf(length, grown);
                distance = java.util.Arrays.copyOf(distance, grown);
            }
            ref[count] = previousRef;
            length[count] = previousLength;
            distance[count] = (int) d;
            count++;
        }
        previousId = id;
        previousRef = what;
        previousLength = len;
    }

    /** Evaluates the candidates for this dump and answers the best, with its basis in words. */
    public SizeModel choose(HprofHeader header, HeapClassTable classes) {
        boolean compactEra = classes.byName("java.lang.Record") != null;
        List<SizeModel> candidates = candidates(header);
        SizeModel best = null;
        long bestScore = Long.MIN_VALUE;
        long bestMatches = 0;
        long bestConflicts = 0;
        int[] kinds = resolve(classes);
        for (SizeModel m : candidates) {
            long[] tally = tally(m, InstanceLayouts.sizes(classes, m), kinds);
            long matches = tally[0];
            long conflicts = tally[1];
            long score = matches - 2 * conflicts;
            boolean better = score > bestScore
                    || score == bestScore && (m.layout() == FieldLayout.COMPACT) == compactEra
                    && (best.layout() == FieldLayout.COMPACT) != compactEra;
            if (better) {
                best = m;
                bestScore = score;
                bestMatches = matches;
                bestConflicts = conflicts;
            }
        }
        if (count == 0 || bestMatches < Math.max(16, count / 20)) {
            SizeModel fallback = fallback(header, compactEra);
            return fallback.withBasis("default for " + header.describe() + ": object ids do not look like addresses ("
                    + bestMatches + " of " + count + " adjacent pairs matched any model)");
        }
        return best.withBasis(String.format(Locale.ROOT,
                "inferred: sizes match %,d of %,d adjacent object pairs (%,d contradictions)%s",
                bestMatches, count, bestConflicts,
                compactEra ? "; JDK 15+ field layout (java.lang.Record present)" : ""));
    }

    /**
     * What each sample is, looked up once for all candidates: a class index (>= 0), -1 for a class
     * the dump lacks, or {@code -2 - code} for an array of that basic type. Resolving per candidate
     * instead cost 7 hash lookups per sample, a third of the histogram's time after the pass.
     */
    private int[] resolve(HeapClassTable classes) {
        int[] kinds = new int[count];
        for (int i = 0; i < count; i++) {
            long what = ref[i];
            // Arrays are stored as -code; a class id above 2^63 (damaged dump) is also negative,
            // so only the small negative codes of real basic types count as arrays.
            if (what < 0 && what >= -MAX_CODE && HprofBasicType.ofCode((int) -what) != null) {
                kinds[i] = -2 - (int) -what;
            } else {
                HeapClass c = classes.byId(what);
                kinds[i] = c == null ? -1 : c.index();
            }
        }
        return kinds;
    }

    /** Matches and conflicts of one model over all samples: {@code {matches, conflicts}}. */
    private long[] tally(SizeModel m, int[] sizes, int[] kinds) {
        HprofBasicType[] types = HprofBasicType.values();
        int[] base = new int[MAX_CODE + 1];
        int[] element = new int[MAX_CODE + 1];
        for (HprofBasicType t : types) {
            base[t.code()] = m.arrayBaseOffset(t);
            element[t.code()] = m.elementSize(t);
        }
        int alignment = m.alignment();
        boolean powerOfTwo = Integer.bitCount(alignment) == 1;
        long matches = 0;
        long conflicts = 0;
        for (int i = 0; i < count; i++) {
            int kind = kinds[i];
            long predicted;
            if (kind >= 0) {
                predicted = sizes[kind];
            } else if (kind == -1) {
                continue;
            } else {
                int code = -2 - kind;
                long raw = base[code] + (long) length[i] * element[code];
                // Same value as SizeModel.arraySize, without a division per sample.
                predicted = powerOfTwo ? (raw + alignment - 1) & -alignment : SizeModel.align(raw, alignment);
            }
            if (predicted <= 0) {
                continue;
            }
            if (predicted == distance[i]) {
                matches++;
            } else if (predicted > distance[i]) {
                conflicts++;
            }
        }
        return new long[]{matches, conflicts};
    }

    static List<SizeModel> candidates(HprofHeader header) {
        List<SizeModel> list = new ArrayList<>();
        if (header.version() == HprofVersion.V1_0_3) {
            list.add(SizeModel.art());
        }
        for (FieldLayout layout : new FieldLayout[]{FieldLayout.LEGACY, FieldLayout.COMPACT}) {
            if (header.idSize() == 4) {
                list.add(SizeModel.hotspot32(layout));
            }
            list.add(SizeModel.hotspot64CompressedOops(layout, 8));
            if (header.idSize() == 8) {
                list.add(SizeModel.hotspot64(layout));
                list.add(SizeModel.hotspot64CompressedOops(layout, 16));
            }
        }
        if (header.idSize() == 8) {
            list.add(SizeModel.hotspot64CompressedClassPointers());
        }
        return list;
    }

    static SizeModel fallback(HprofHeader header, boolean compactEra) {
        FieldLayout layout = compactEra ? FieldLayout.COMPACT : FieldLayout.LEGACY;
        if (header.version() == HprofVersion.V1_0_3) {
            return SizeModel.art();
        }
        return header.idSize() == 4 ? SizeModel.hotspot32(layout) : SizeModel.hotspot64CompressedOops(layout, 8);
    }
}
