package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.DominatorTree;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.graph.FieldMap;
import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.graph.ObjectData;
import dev.heapchain.graph.ObjectReader;
import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.util.IntList;
import dev.heapchain.util.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Classes whose instances look like snapshot chains, found without a profile, so that analyze can
 * name them (with the ad-hoc command) when the profile's classes are absent. The rules:
 * <ul>
 * <li>A link is a reference field whose value is an instance of the field's declaring class or of a
 *     subclass, so the next instance has the field too. Fields declared by the platform's own classes
 *     ({@link dev.heapchain.graph.PlatformClasses}) do not count: they are collection and runtime internals, and
 *     one of them passes the other rules whenever a map's keys went in in order
 *     ({@code LinkedHashMap$Entry.after} with {@code hash} rising).</li>
 * <li>Only reachable instances count (analyze counts no others).</li>
 * <li>A chain is a connected group of instances over one link field; the longest must hold
 *     {@value #MIN_CHAIN} instances or more. Length alone proves little (the corpus' JDK 11 dump holds
 *     hash bins of 128 equal-hash entries); the epoch rule does most of the work.</li>
 * <li>The links must form lists, not trees: at most {@code 10%} of the linked-to instances may have
 *     more than one predecessor (parent pointers with a depth field would pass the epoch rule).</li>
 * <li>The epoch is a {@code long}, {@code int} or {@code short} field that strictly rises, or strictly
 *     falls, along at least {@code 90%} of the sampled links: up to {@value #SAMPLE_NODES} consecutive
 *     instances of the longest chains (a circular list with a sentinel head loses one link in its
 *     length). Boxed numbers are left out: a generic list node's element field
 *     ({@code item} holding rising {@code Long}s) would pass. Fields named hash, hashCode, size, count,
 *     length, depth or height (leading underscores ignored) are never epochs: a persistent list's size
 *     falls by one along its links, just like epochs counted from zero.</li>
 * <li>A class with several link fields that pass ({@code prev} and {@code next}) is listed once: the
 *     longest chain wins, then the first link field in the class's field order as the dump lists it
 *     (HotSpot lists the last declared first: Kafka's Snapshot gives next before prev). The class
 *     named is the most specific one all linked instances share, so a subclass linked through a
 *     superclass-typed field is named by the subclass when no superclass instance takes part.</li>
 * </ul>
 * Cost: one pass over all objects that follows the references of instances of classes with both a
 * number and a link field (on the 15 M-object benchmark dump, only Kafka's and the fixture's), keeping
 * 8 bytes per link found; then, for one link field at a time, arrays of about 24 bytes per link; then
 * reads of at most {@value #SAMPLE_NODES} objects per link field judged, best first, those of up to
 * {@value #BATCH} link fields at once. Reading is the dear part: each checkpoint block read costs
 * ~0.7 ms on that dump whatever it holds, and consecutive snapshots lie in different blocks, hence
 * the small sample.
 */
public final class ChainDiscovery {
    static final int MIN_CHAIN = 8;
    private static final double MIN_MONOTONE_SHARE = 0.9;
    private static final double MAX_BRANCHING_SHARE = 0.1;
    static final int SAMPLE_NODES = 32;
    /** Link fields whose samples are read together; analyze lists 10 classes. */
    private static final int BATCH = 16;
    private static final Set<String> NOT_EPOCHS = Set.of("hash", "hashcode", "size", "count", "length", "depth",
            "height");

    /**
     * @param instances     reachable instances of the class and its subclasses that have a number field
     *                      (others cannot carry an epoch)
     * @param chains        groups of two or more instances connected by the link field
     * @param longestChain  instances on the longest walk along the link field (a cycle counted once)
     * @param monotoneShare share of the sampled links along which the epoch moves in its direction
     * @param rising        whether the epoch rises along the link field (else it falls)
     */
    public record Candidate(String className, String linkField, String epochField, long instances,
                            long chains, long longestChain, double monotoneShare, boolean rising) {
        /** The ad-hoc analyze command for this candidate; dumpArg is the dump path as the user gave it. */
        public String command(String dumpArg) {
            return String.join(" ", "heapchain", "analyze", shellWord(dumpArg), "--class", shellWord(className),
                    "--epoch-field", shellWord(epochField), "--link-field", shellWord(linkField));
        }
    }

    /** One link field (declared by {@code owner}) with every link found along it, sources ascending. */
    private static final class Family {
        final int owner;
        final int ordinal;
        final IntList from = new IntList();
        final IntList to = new IntList();

        Family(int owner, int ordinal) {
            this.owner = owner;
            this.ordinal = ordinal;
        }
    }

    /** A link field's chains, measured; {@code sample} holds walks along it, each ended by -1. */
    private record Shape(String className, String linkField, int linkOrdinal, long instances, long chains,
                         long longest, int[] sample) {
    }

    private static final Comparator<Shape> BEST_FIRST = Comparator.comparingLong(Shape::longest).reversed()
            .thenComparing(Comparator.comparingLong(Shape::instances).reversed())
            .thenComparing(Shape::className)
            .thenComparingInt(Shape::linkOrdinal);

    private ChainDiscovery() {
    }

    /** Candidates, best first (longest chain, then instances, then name), at most {@code limit}. */
    public static List<Candidate> find(HeapAnalysis a, int limit) {
        Trace.mark("discovery: start");
        HeapGraph g = a.graph();
        DiscoveryHierarchy h = new DiscoveryHierarchy(g);
        int[] instances = new int[g.classes().size()];
        List<Family> families = scan(g, a.dominators(), h, instances);
        Trace.mark("discovery: scan");
        List<Shape> shapes = new ArrayList<>();
        for (Family f : families) {
            Shape s = measure(g, h, f, instances);
            if (s != null) {
                shapes.add(s);
            }
        }
        shapes.sort(BEST_FIRST);
        Trace.mark("discovery: chains measured");
        List<Candidate> out = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (int from = 0; from < shapes.size() && out.size() < limit; from += BATCH) {
            List<Shape> batch = shapes.subList(from, Math.min(from + BATCH, shapes.size()));
            // A class's second link field is read only when its first fails (Kafka's next and prev: once).
            Set<String> classes = new HashSet<>();
            List<Shape> first = batch.stream()
                    .filter(s -> !named.contains(s.className()) && classes.add(s.className())).toList();
            Map<Integer, ObjectData> data = new HashMap<>(ObjectReader.read(g, samples(first)));
            for (Shape s : batch) {
                if (out.size() == limit || named.contains(s.className())) {
                    continue;
                }
                if (!first.contains(s)) {
                    data.putAll(ObjectReader.read(g, samples(List.of(s))));
                }
                Candidate c = judge(g, s, data);
                if (c != null) {
                    out.add(c);
                    named.add(c.className());
                }
            }
            Trace.mark("discovery: epochs judged");
        }
        return List.copyOf(out);
    }

    private static int[] samples(List<Shape> shapes) {
        return shapes.stream().flatMapToInt(s -> Arrays.stream(s.sample())).filter(v -> v >= 0).distinct().sorted()
                .toArray();
    }

    /** The one pass: counts the reachable instances of the classes it scans and collects their links, by link field. */
    private static List<Family> scan(HeapGraph g, DominatorTree d, DiscoveryHierarchy h, int[] instances) {
        List<Family> families = new ArrayList<>();
        Map<Long, Integer> familyIds = new HashMap<>();
        int[] familyOfSlot = new int[h.slotOwner.length];
        Arrays.fill(familyOfSlot, -1);
        for (int v = nextScanned(g, h.scanned, 0), n = g.nodeCount(); v < n; v = nextScanned(g, h.scanned, v + 1)) {
            if (!d.isReachable(v)) {
                continue;
            }
            int c = g.classIndex(v);
            instances[c]++;
            int base = h.slotBase[c];
            for (long e = g.outStart(v), end = g.outEnd(v); e < end; e++) {
                int label = g.label(e);
                int owner = label < h.fieldCount[c] ? h.slotOwner[base + label] : -1;
                if (owner < 0) {
                    continue;
                }
                int t = g.target(e);
                int tc = g.classIndex(t);
                if (tc < 0 || tc != c && !h.isSubclass(tc, owner)) {
                    continue;
                }
                int f = familyOfSlot[base + label];
                if (f < 0) {
                    // Subclasses list their own fields first, so a field's ordinal shifts by the field counts.
                    int ordinal = label - h.fieldCount[c] + h.fieldCount[owner];
                    f = familyIds.computeIfAbsent(((long) owner << 32) | ordinal, k -> {
                        families.add(new Family(owner, ordinal));
                        return families.size() - 1;
                    });
                    familyOfSlot[base + label] = f;
                }
                families.get(f).from.add(v);
                families.get(f).to.add(t);
            }
        }
        return families;
    }

    /**
     * The first node from {@code from} on that is an instance of a scanned class (not an array, not a
     * class object), or the node count. A loop of its own, which the JIT compiles early and tightly: the
     * scan of the 15 M-object benchmark dump takes 13-18 ms warm and 43-48 ms on first use this way,
     * 26-48 and 56-64 ms with the test inside the scan's loop.
     */
    private static int nextScanned(HeapGraph g, boolean[] scanned, int from) {
        int v = from;
        for (int n = g.nodeCount(); v < n; v++) {
            int c = g.classIndex(v); // negative for class objects
            if (c >= 0 && scanned[c]) {
                break;
            }
        }
        return v;
    }

    /** The chains along one link field, or null when they break a rule that needs no field values. */
    private static Shape measure(HeapGraph g, DiscoveryHierarchy h, Family f, int[] instances) {
        if (f.from.size() < MIN_CHAIN - 1) {
            return null;
        }
        int[] from = f.from.toArray();
        int[] to = f.to.toArray();
        f.from.clear();
        f.to.clear();
        int[] nodes = distinctUnion(from, to);
        int m = nodes.length;
        int[] next = new int[m];
        Arrays.fill(next, -1);
        byte[] preds = new byte[m]; // 0, 1, or 2 for two or more
        for (int k = 0; k < from.length; k++) {
            int j = Arrays.binarySearch(nodes, to[k]);
            next[Arrays.binarySearch(nodes, from[k])] = j;
            preds[j] = (byte) Math.min(2, preds[j] + 1);
        }
        from = null; // the pairs may go before the walk's arrays are made
        to = null;
        int targets = 0;
        int branching = 0;
        for (byte p : preds) {
            targets += p > 0 ? 1 : 0;
            branching += p > 1 ? 1 : 0;
        }
        if (branching > MAX_BRANCHING_SHARE * targets) {
            return null;
        }
        IntList cycles = new IntList();
        int[] length = lengths(next, cycles);
        int longest = Arrays.stream(length).max().orElse(0);
        if (longest < MIN_CHAIN) {
            return null;
        }
        // Each chain ends in one place: an instance without a link, or a cycle (a lone self-link is no chain).
        long chains = Arrays.stream(next).filter(x -> x < 0).count();
        for (long i = 0; i < cycles.size(); i++) {
            int r = cycles.get(i);
            chains += next[r] == r && preds[r] == 1 ? 0 : 1;
        }
        int cls = g.classIndex(nodes[0]);
        for (int v : nodes) {
            cls = h.commonSuperclass(cls, g.classIndex(v), f.owner);
        }
        long count = 0;
        for (int c = 0; c < instances.length; c++) {
            count += instances[c] > 0 && h.isSubclass(c, cls) ? instances[c] : 0;
        }
        int linkOrdinal = f.ordinal + h.fieldCount[cls] - h.fieldCount[f.owner];
        return new Shape(g.classes().byIndex(cls).name(), g.fieldMap(f.owner).name(f.ordinal), linkOrdinal, count,
                chains, longest, sample(nodes, next, preds, length, cycles));
    }

    private static int[] distinctUnion(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[n++] = all[i];
            }
        }
        return Arrays.copyOf(all, n);
    }

    /**
     * Instances on the longest walk from each index along {@code next} (a cycle counted once); the
     * smallest index of every cycle goes to {@code cycles}.
     */
    private static int[] lengths(int[] next, IntList cycles) {
        int[] length = new int[next.length]; // 0 unknown, -1 on the current walk
        int[] walk = new int[next.length];
        for (int i = 0; i < next.length; i++) {
            int top = 0;
            int x = i;
            while (x >= 0 && length[x] == 0) {
                length[x] = -1;
                walk[top++] = x;
                x = next[x];
            }
            int tail = x < 0 ? 0 : length[x];
            if (tail < 0) { // the walk met itself: x starts a cycle
                int p = top - 1;
                while (walk[p] != x) {
                    p--;
                }
                int smallest = x;
                for (int q = p; q < top; q++) {
                    length[walk[q]] = top - p;
                    smallest = Math.min(smallest, walk[q]);
                }
                cycles.add(smallest);
                tail = top - p;
                top = p;
            }
            while (top > 0) {
                length[walk[--top]] = ++tail;
            }
        }
        return length;
    }

    /** Walks from the starts of the longest chains, as nodes, each walk ended by -1. */
    private static int[] sample(int[] nodes, int[] next, byte[] preds, int[] length, IntList cycles) {
        IntList starts = new IntList();
        for (int i = 0; i < next.length; i++) {
            if (preds[i] == 0 && length[i] >= MIN_CHAIN) {
                starts.add(i);
            }
        }
        for (long i = 0; i < cycles.size(); i++) {
            if (length[cycles.get(i)] >= MIN_CHAIN) {
                starts.add(cycles.get(i));
            }
        }
        int[] order = starts.toArray();
        long[] keys = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            keys[i] = ((long) -length[order[i]] << 32) | order[i];
        }
        Arrays.sort(keys);
        boolean[] taken = new boolean[next.length];
        IntList out = new IntList();
        int budget = SAMPLE_NODES;
        for (long key : keys) {
            int x = (int) key;
            if (budget < 2) {
                break;
            }
            if (taken[x]) {
                continue;
            }
            for (; x >= 0 && !taken[x] && budget > 0; x = next[x], budget--) {
                taken[x] = true;
                out.add(nodes[x]);
            }
            out.add(-1);
        }
        return out.toArray();
    }

    /** The candidate for a measured link field: its best epoch field, or null when none passes. */
    private static Candidate judge(HeapGraph g, Shape s, Map<Integer, ObjectData> data) {
        int[] sample = s.sample();
        String best = null;
        double bestShare = -1;
        boolean bestRising = false;
        for (String field : numericFields(g, s)) {
            long links = 0;
            long rises = 0;
            long falls = 0;
            for (int i = 0; i + 1 < sample.length; i++) {
                if (sample[i] < 0 || sample[i + 1] < 0) {
                    continue;
                }
                links++;
                Long x = value(g, data, sample[i], field);
                Long y = value(g, data, sample[i + 1], field);
                if (x != null && y != null) {
                    rises += y > x ? 1 : 0;
                    falls += y < x ? 1 : 0;
                }
            }
            double share = links == 0 ? 0 : (double) Math.max(rises, falls) / links;
            if (share > bestShare) {
                best = field;
                bestShare = share;
                bestRising = rises > falls;
            }
        }
        if (best == null || bestShare < MIN_MONOTONE_SHARE) {
            return null;
        }
        return new Candidate(s.className(), s.linkField(), best, s.instances(), s.chains(), s.longest(), bestShare,
                bestRising);
    }

    /** Names of the number fields the sampled instances have, in field order, classes as first met. */
    private static List<String> numericFields(HeapGraph g, Shape s) {
        Set<String> names = new LinkedHashSet<>();
        Set<Integer> classes = new LinkedHashSet<>();
        for (int v : s.sample()) {
            if (v >= 0) {
                classes.add(g.classIndex(v));
            }
        }
        for (int c : classes) {
            FieldMap map = g.fieldMap(c);
            for (int o = 0; o < map.fieldCount(); o++) {
                String bare = map.name(o).replaceFirst("^_+", "").toLowerCase(Locale.ROOT);
                if (isNumber(map.type(o)) && !NOT_EPOCHS.contains(bare)) {
                    names.add(map.name(o));
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static Long value(HeapGraph g, Map<Integer, ObjectData> data, int v, String field) {
        ObjectData d = data.get(v);
        FieldMap map = g.fieldMap(g.classIndex(v));
        int o = map.ordinalOf(field);
        if (d == null || o < 0 || !isNumber(map.type(o))) {
            return null;
        }
        return d.value(map.offset(o), map.type(o));
    }

    static boolean isNumber(HprofBasicType t) {
        return t == HprofBasicType.LONG || t == HprofBasicType.INT || t == HprofBasicType.SHORT;
    }

    /** A word as a POSIX shell reads it: bare when safe, else in single quotes. */
    static String shellWord(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
