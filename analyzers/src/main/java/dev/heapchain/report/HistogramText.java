package dev.heapchain.report;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.analysis.DumpFacts;

import java.io.PrintWriter;
import java.util.Locale;

/** Renders a class histogram as the text table users know from {@code jmap -histo}. */
public final class HistogramText {
    private HistogramText() {
    }

    public static void render(ClassHistogram h, int shownOf, PrintWriter out) {
        DumpFacts d = h.dump();
        // The total counts as the engine commands' headers do (class objects included), split so
        // that the table's total, instances and arrays only, is seen to be part of it.
        out.printf(Locale.ROOT, "%s: %s, id size %d, %s%s%n", d.file(), d.format(), d.idSize(),
                ObjectsReport.objectCount(d.objects() + h.classObjects(), h.classObjects()),
                d.dumpCount() > 1 ? ", dump " + d.dumpNumber() + " of " + d.dumpCount() : "");
        out.printf(Locale.ROOT, "size model: %s (%s)%n", h.sizeModel().id(), h.sizeModel().basis());
        if (d.truncated()) {
            out.println("TRUNCATED DUMP: partial result (see warnings)");
        }
        out.println();
        out.printf(Locale.ROOT, "%6s %14s %16s  %s%n", "#", "instances", "shallow bytes", "class");
        int rank = 0;
        for (ClassHistogram.Row r : h.rows()) {
            out.printf(Locale.ROOT, "%6d %14s %16s  %s%n", ++rank, Units.count(r.instances()), Units.count(r.shallowBytes()),
                    r.className());
        }
        if (shownOf > h.rows().size()) {
            out.printf(Locale.ROOT, "%6s %14s %16s  (%s more classes)%n", "...", "", "", Units.count(shownOf - h.rows().size()));
        }
        out.printf(Locale.ROOT, "%6s %14s %16s  (%s)%n", "Total", Units.count(h.totalInstances()),
                Units.count(h.totalShallowBytes()), Units.bytes(h.totalShallowBytes()));
        out.flush();
    }
}
