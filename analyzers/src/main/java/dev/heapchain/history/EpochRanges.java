package dev.heapchain.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits the epochs of two reports into those only the baseline holds (trimmed since, or from an
 * earlier run), those both hold (still alive: the ones a leak keeps) and those only the current holds,
 * per owner group: each group's epochs are a space of their own (a controller's log offsets and a
 * coordinator partition's offsets are different numbers).
 */
final class EpochRanges {
    private EpochRanges() {
    }

    static List<Comparison.EpochRange> of(ReportFacts base, ReportFacts cur) {
        java.util.Set<String> groups = new java.util.TreeSet<>();
        base.epochs().forEach(e -> groups.add(e.group()));
        cur.epochs().forEach(e -> groups.add(e.group()));
        List<Comparison.EpochRange> out = new ArrayList<>();
        for (String group : groups) {
            Map<Long, ReportFacts.Epoch> b = byEpoch(base, group);
            Map<Long, ReportFacts.Epoch> c = byEpoch(cur, group);
            out.add(range(group, "baseline only", b, c, true, false));
            out.add(range(group, "both", b, c, true, true));
            out.add(range(group, "current only", b, c, false, true));
        }
        return List.copyOf(out);
    }

    private static Comparison.EpochRange range(String group, String name, Map<Long, ReportFacts.Epoch> b, Map<Long, ReportFacts.Epoch> c,
                                               boolean inBase, boolean inCur) {
        TreeMap<Long, Boolean> all = new TreeMap<>();
        b.keySet().forEach(e -> all.put(e, true));
        c.keySet().forEach(e -> all.put(e, true));
        Long from = null;
        Long to = null;
        long epochs = 0;
        long bs = 0;
        long br = 0;
        long cs = 0;
        long cr = 0;
        for (long e : all.keySet()) {
            if (b.containsKey(e) != inBase || c.containsKey(e) != inCur) {
                continue;
            }
            from = from == null ? e : from;
            to = e;
            epochs++;
            if (inBase) {
                bs += b.get(e).count();
                br += b.get(e).retainedBytes();
            }
            if (inCur) {
                cs += c.get(e).count();
                cr += c.get(e).retainedBytes();
            }
        }
        return new Comparison.EpochRange(group, name, from, to, epochs, bs, br, cs, cr);
    }

    private static Map<Long, ReportFacts.Epoch> byEpoch(ReportFacts r, String group) {
        Map<Long, ReportFacts.Epoch> m = new TreeMap<>();
        r.epochs().stream().filter(e -> e.group().equals(group)).forEach(e -> m.put(e.epoch(), e));
        return m;
    }
}
