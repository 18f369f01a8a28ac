package dev.heapchain.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Class histogram deltas. A report keeps only its largest classes, so a class missing on one side
 * counts as zero there; classes of the same name (several loaders) are added together.
 */
final class ClassDeltas {
    private ClassDeltas() {
    }

    /** The {@code n} classes that grew most by retained bytes; null when either report has no histogram. */
    static List<Comparison.ClassDelta> top(ReportFacts base, ReportFacts cur, int n) {
        if (base.classes() == null || cur.classes() == null) {
            return null;
        }
        Map<String, ReportFacts.ClassRow> b = byName(base.classes());
        Map<String, ReportFacts.ClassRow> c = byName(cur.classes());
        TreeMap<String, Boolean> names = new TreeMap<>();
        b.keySet().forEach(k -> names.put(k, true));
        c.keySet().forEach(k -> names.put(k, true));
        List<Comparison.ClassDelta> out = new ArrayList<>();
        for (String name : names.keySet()) {
            Comparison.ClassDelta d = new Comparison.ClassDelta(name, b.getOrDefault(name, zero(name)),
                    c.getOrDefault(name, zero(name)));
            if (d.instancesDelta() != 0 || d.shallowDelta() != 0 || d.retainedDelta() != 0) {
                out.add(d);
            }
        }
        out.sort(Comparer.byGrowth());
        return List.copyOf(out.subList(0, Math.min(n, out.size())));
    }

    private static ReportFacts.ClassRow zero(String name) {
        return new ReportFacts.ClassRow(name, 0, 0, 0);
    }

    private static Map<String, ReportFacts.ClassRow> byName(List<ReportFacts.ClassRow> rows) {
        Map<String, ReportFacts.ClassRow> m = new TreeMap<>();
        for (ReportFacts.ClassRow r : rows) {
            m.merge(r.className(), r, (x, y) -> new ReportFacts.ClassRow(x.className(), x.instances() + y.instances(),
                    x.shallowBytes() + y.shallowBytes(), x.retainedBytes() + y.retainedBytes()));
        }
        return m;
    }
}
