package dev.heapchain.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares heapchain's histogram of a self dump with the JVM's own class histogram taken right
 * after it ({@link SelfDump}). Where the counts agree the bytes must agree exactly, arrays
 * included. Where they differ, objects were made or freed between the two calls; the class is
 * named in {@code changedBetween}, and for instance classes the per-instance size must still agree.
 *
 * <p>java.lang.Class is compared by count only: the JVM counts one mirror per class, heapchain one
 * CLASS_DUMP per class plus the primitive-type mirrors ({@code int.class}...) that HotSpot writes
 * as plain instances of java.lang.Class. Mirror sizes are not compared: a mirror holds its class's
 * static fields and VM-injected fields, which HPROF does not describe as instance data. Hidden
 * classes (lambdas, {@code Foo$$Lambda$14/0x...}) need nothing special: both sides print the
 * name with its {@code /0x} address suffix, so they are compared by name like any class.
 */
final class SelfHistogramCheck {
    record Result(int matched, Set<String> changedBetween, List<String> failures) {
    }

    private SelfHistogramCheck() {
    }

    static Result compare(JmapHisto jvm, ClassHistogram ours) {
        Map<String, JmapHisto.Row> mine = ByName.of(ours);
        Set<String> names = new TreeSet<>(jvm.rows().keySet());
        names.addAll(mine.keySet());
        List<String> failures = new ArrayList<>();
        Set<String> changed = new TreeSet<>();
        int matched = 0;
        for (String name : names) {
            JmapHisto.Row theirs = jvm.rows().get(name);
            JmapHisto.Row our = mine.get(name);
            if (name.equals("java.lang.Class")) {
                long mirrors = ours.classObjects() + (our == null ? 0 : our.instances());
                if (theirs == null || theirs.instances() != mirrors) {
                    failures.add("java.lang.Class: JVM " + theirs + ", heapchain " + ours.classObjects()
                            + " class dumps + " + our + " primitive mirrors");
                }
                continue;
            }
            long theirCount = theirs == null ? 0 : theirs.instances();
            long ourCount = our == null ? 0 : our.instances();
            if (theirCount == ourCount) {
                if (theirs.bytes() != our.bytes()) {
                    failures.add(name + ": " + theirCount + " instances, JVM " + theirs.bytes() + " bytes, heapchain "
                            + our.bytes());
                } else {
                    matched++;
                }
                continue;
            }
            changed.add(name + " (" + theirCount + " vs " + ourCount + ")");
            boolean instanceClass = !name.endsWith("[]");
            if (instanceClass && theirCount > 0 && ourCount > 0
                    && theirs.bytes() / theirCount != our.bytes() / ourCount) {
                failures.add(name + ": JVM " + theirs.bytes() / theirCount + " bytes per instance, heapchain "
                        + our.bytes() / ourCount);
            }
        }
        return new Result(matched, changed, failures);
    }
}
