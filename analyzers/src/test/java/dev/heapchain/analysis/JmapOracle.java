package dev.heapchain.analysis;

import dev.heapchain.graph.SizeModel;
import dev.heapchain.hprof.HprofBasicType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks heapchain's sizes against a JVM's own class histogram, row by row.
 *
 * <ul>
 *   <li>Instance classes: jmap's bytes ÷ instances is the true instance size. It must equal the
 *       model's size for the class (computed from its CLASS_DUMP even when the dump holds no
 *       instance, because jmap may have run at another moment) and heapchain's per-instance bytes.
 *   <li>Arrays vary in size, so totals are compared only where the counts agree. Otherwise the
 *       test can only say that jmap's total is possible: a multiple of the alignment, one of the
 *       dump's array sizes when jmap counts one array, and between the sums of the k smallest
 *       and the k largest arrays of the dump when jmap counts k ≤ the dump's count.
 * </ul>
 * VM-internal rows ({@code <methodKlass>}) and java.lang.Class are skipped: class mirrors carry
 * fields that the VM injects and HPROF never lists, and heapchain counts them apart.
 */
final class JmapOracle {
    /** What one comparison found; {@code failures} must be empty. */
    record Outcome(int exact, int bounded, int skipped, List<String> excused, List<String> failures) {
    }

    private JmapOracle() {
    }

    static Outcome compare(JmapHisto jmap, ClassHistogram histogram, DumpSizes dump, Map<String, String> exceptions) {
        Map<String, JmapHisto.Row> ours = ByName.of(histogram);
        SizeModel model = histogram.sizeModel();
        int exact = 0;
        int bounded = 0;
        int skipped = 0;
        List<String> excused = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (JmapHisto.Row row : jmap.rows().values()) {
            String name = row.name();
            if (JmapHisto.isVmInternal(name) || name.equals("java.lang.Class")) {
                skipped++;
                continue;
            }
            JmapHisto.Row our = ours.get(name);
            String problem;
            boolean isExact;
            if (name.endsWith("[]")) {
                isExact = our != null && our.instances() == row.instances();
                problem = isExact ? (our.bytes() == row.bytes() ? null : "total " + our.bytes() + " bytes")
                        : arrayTotalImpossible(row, dump.arraySizes(name), model);
            } else {
                isExact = true;
                problem = instanceSizeProblem(row, our, dump.instanceSizes(name));
            }
            String reason = exceptions.get(name);
            if (reason != null) {
                if (problem == null) {
                    failures.add(name + ": listed as an exception (" + reason + ") but matches: remove it");
                } else {
                    excused.add(name + " (" + problem + "): " + reason);
                }
            } else if (problem != null) {
                failures.add(name + ": jmap " + row.instances() + " instances, " + row.bytes() + " bytes; heapchain "
                        + (our == null ? "none" : our.instances() + " instances, " + our.bytes() + " bytes")
                        + ": " + problem);
            } else if (isExact) {
                exact++;
            } else {
                bounded++;
            }
        }
        for (String name : exceptions.keySet()) {
            if (!jmap.rows().containsKey(name)) {
                failures.add(name + ": listed as an exception but jmap has no such row");
            }
        }
        return new Outcome(exact, bounded, skipped, excused, failures);
    }

    private static String instanceSizeProblem(JmapHisto.Row row, JmapHisto.Row our, Set<Integer> modelSizes) {
        if (row.bytes() % row.instances() != 0) {
            return "jmap bytes not a multiple of instances";
        }
        long size = row.bytes() / row.instances();
        if (modelSizes.isEmpty()) {
            return "no CLASS_DUMP of that name in the dump";
        }
        if (!modelSizes.equals(Set.of((int) size))) {
            return "model instance size " + modelSizes + ", jmap " + size;
        }
        if (our != null && our.bytes() != our.instances() * size) {
            return "histogram " + our.bytes() / our.instances() + " bytes per instance, jmap " + size;
        }
        return null;
    }

    private static String arrayTotalImpossible(JmapHisto.Row row, List<Long> sizes, SizeModel model) {
        long total = row.bytes();
        int k = (int) row.instances();
        if (total % model.alignment() != 0) {
            return "jmap total not a multiple of the alignment";
        }
        if (total < k * model.arraySize(HprofBasicType.INT, 0)) {
            return "jmap total below " + k + " empty arrays";
        }
        if (sizes.isEmpty()) {
            return "the dump holds no array of this class";
        }
        if (k > sizes.size()) {
            return null; // more arrays than the dump's: nothing beyond the lower bound can be said
        }
        List<Long> sorted = sizes.stream().sorted().toList();
        long smallest = 0;
        long largest = 0;
        for (int i = 0; i < k; i++) {
            smallest += sorted.get(i);
            largest += sorted.get(sorted.size() - 1 - i);
        }
        if (k == 1 && !sizes.contains(total)) {
            return "no array of the dump has jmap's size " + total + " (sizes " + sorted + ")";
        }
        return total < smallest || total > largest
                ? "jmap total outside [" + smallest + ", " + largest + "], the sums of the "
                + k + " smallest and largest arrays of the dump " + sorted : null;
    }
}
