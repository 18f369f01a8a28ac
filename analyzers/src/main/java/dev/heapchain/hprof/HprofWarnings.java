package dev.heapchain.hprof;

import static dev.heapchain.hprof.HprofReader.grouped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warnings, kept within bounds: a damaged dump can repeat one problem millions of times (a header
 * followed by 200 MB of zeros once gave 22 million warning lines and 3.8 GB of them in memory).
 * The first {@link #SHOWN} of each group are kept as they are; the rest are only counted, with
 * the first and last offset, and become one summary line after the group's last kept one. At most
 * {@link #MAX_GROUPS} groups are told apart; warnings of any further group share one. Memory is
 * bounded whatever the dump holds, and so are stderr and the reports' {@code dump.warnings}.
 */
public final class HprofWarnings {
    /** Kept per group: enough to see the pattern and its offsets. */
    public static final int SHOWN = 5;
    static final int MAX_GROUPS = 64;
    private static final String OTHER = "warnings of other kinds";

    private final List<Entry> kept = new ArrayList<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();

    private static final class Group {
        final String noun;
        final String kind;
        int shown;
        long more;
        long firstOffset = -1;
        long lastOffset = -1;

        Group(String noun, String kind) {
            this.noun = noun;
            this.kind = kind;
        }
    }

    private record Entry(HprofWarning warning, Group group) {
    }

    /**
     * Adds a warning to its group. {@code group} names what the summary counts, in the plural
     * ("unknown top-level tags 0x0"); warnings with the same name are one group.
     *
     * @return whether it was kept (false: only counted)
     */
    public boolean add(HprofWarning w, String group) {
        Group g = groups.get(group);
        if (g == null) {
            if (groups.size() >= MAX_GROUPS) {
                g = groups.computeIfAbsent(OTHER, k -> new Group(OTHER, w.kind()));
            } else {
                g = new Group(group, w.kind());
                groups.put(group, g);
            }
        }
        if (g.shown < SHOWN) {
            g.shown++;
            kept.add(new Entry(w, g));
            return true;
        }
        g.more++;
        if (w.offset() >= 0) {
            if (g.firstOffset < 0) {
                g.firstOffset = w.offset();
            }
            g.lastOffset = w.offset();
        }
        return false;
    }

    /** Every warning added, in order, with each group's summary after its last kept warning. */
    public List<HprofWarning> list() {
        List<HprofWarning> out = new ArrayList<>(kept.size() + groups.size());
        Map<Group, Integer> seen = new java.util.HashMap<>();
        for (Entry e : kept) {
            out.add(e.warning);
            int n = seen.merge(e.group, 1, Integer::sum);
            if (n == e.group.shown && e.group.more > 0) {
                out.add(summary(e.group));
            }
        }
        return List.copyOf(out);
    }

    private static HprofWarning summary(Group g) {
        String where = g.firstOffset < 0 ? ""
                : g.firstOffset == g.lastOffset ? " at offset " + grouped(g.firstOffset)
                : " between offsets " + grouped(g.firstOffset) + " and " + grouped(g.lastOffset);
        return new HprofWarning(g.kind, g.firstOffset, "... and " + grouped(g.more) + " more " + g.noun + where);
    }

}
