package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofReadSummary;
import dev.heapchain.hprof.HprofReader;
import dev.heapchain.util.IntList;
import dev.heapchain.util.PairSort;
import dev.heapchain.util.RunMergeSort;

import java.util.function.Consumer;

/**
 * Builds a {@link HeapGraph} in two streaming passes: ids and classes, then references. Between
 * them the ids are sorted (skipped when the dump already wrote them in address order, as a serial
 * HotSpot dump does) and the size model is chosen.
 */
public final class HeapGraphBuilder {
    private final HprofFile file;
    private final int dump;
    private boolean keepWeak;
    private Consumer<String> progress = s -> { };
    private java.util.Set<String> capture = java.util.Set.of();

    public HeapGraphBuilder(HprofFile file, int dump) {
        this.file = file;
        this.dump = dump;
    }

    /** Keep Reference.referent edges (weak, soft, phantom, final): off by default. */
    public HeapGraphBuilder keepWeak(boolean keepWeak) {
        this.keepWeak = keepWeak;
        return this;
    }

    /**
     * Keep the field bytes of instances of these classes and their subclasses (see
     * {@link CapturedFields}); for the few objects an analysis reads values from.
     */
    public HeapGraphBuilder capture(java.util.Set<String> classNames) {
        this.capture = classNames;
        return this;
    }

    /** Receives phase names as work starts, for a progress line. */
    public HeapGraphBuilder progress(Consumer<String> progress) {
        this.progress = progress;
        return this;
    }

    public HeapGraph build() {
        dev.heapchain.util.ProgressMeter meter = progress instanceof dev.heapchain.util.ProgressMeter m ? m : null;
        long passBytes = file.compressed() ? -1 : file.fileSize();
        phase(meter, "indexing objects", passBytes);
        IndexPass first = new IndexPass();
        first.meter = meter;
        HprofReadSummary summary = new HprofReader(file, dump).read(first);
        long[] referenced = new long[(int) first.slotClassIds.size() - IndexPass.FIRST_CLASS_SLOT];
        for (int i = 0; i < referenced.length; i++) {
            referenced[i] = first.slotClassIds.get(i + IndexPass.FIRST_CLASS_SLOT);
        }
        HeapClassTable classes = first.classTable(referenced);
        SizeModel model = first.inference.choose(summary.header(), classes);
        int idSize = summary.header().idSize();

        long[] ids = first.ids.toArray();
        first.ids.clear();
        int[] slots = first.slots.toArray();
        first.slots.clear();
        int[] lengths = first.lengths.toArray();
        first.lengths.clear();
        int n = ids.length;
        int[] streamToNode = null;
        long duplicates = 0;
        if (!first.ascending) {
            progress.accept("sorting object ids");
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            RunMergeSort.sort(ids, perm);
            streamToNode = new int[n];
            int w = 0;
            for (int i = 0; i < n; i++) {
                if (i > 0 && ids[i] == ids[w - 1]) {
                    streamToNode[perm[i]] = -1;
                    duplicates++;
                    continue;
                }
                ids[w] = ids[i];
                streamToNode[perm[i]] = w;
                perm[w] = perm[i];
                w++;
            }
            ids = w == n ? ids : java.util.Arrays.copyOf(ids, w);
            int[] s2 = new int[w];
            int[] l2 = new int[w];
            for (int i = 0; i < w; i++) {
                s2[i] = slots[perm[i]];
                l2[i] = lengths[perm[i]];
            }
            slots = s2;
            lengths = l2;
            n = w;
        }
        IdIndex index = new IdIndex(ids);
        ids = null; // the index keeps a compact copy

        int[] classSizes = InstanceLayouts.sizes(classes, model);
        int[] slotClass = slotClassIndex(first, classes);
        int[] classOf = new int[n];
        int[] sizeUnits = new int[n];
        for (int v = 0; v < n; v++) {
            int slot = slots[v];
            if (slot == IndexPass.CLASS_OBJECT_SLOT) {
                HeapClass described = classes.byId(index.idAt(v));
                classOf[v] = HeapGraph.CLASS_OBJECT | described.index();
                sizeUnits[v] = 0;
            } else if (slot < IndexPass.CLASS_OBJECT_SLOT) {
                HprofBasicType type = HprofBasicType.ofCode(slot);
                classOf[v] = classes.primitiveArrayClass(type).index();
                sizeUnits[v] = units(model.arraySize(type, lengths[v]));
            } else {
                int c = slotClass[slot];
                classOf[v] = c;
                HeapClass hc = classes.byIndex(c);
                sizeUnits[v] = hc.isArray() ? units(model.arraySize(HprofBasicType.OBJECT, lengths[v]))
                        : units(classSizes[c]);
            }
        }
        slots = null;
        lengths = null;

        FieldMap[] maps = new FieldMap[classes.size()];
        for (HeapClass c : classes.all()) {
            maps[c.index()] = FieldMap.of(c, idSize);
        }

        phase(meter, "reading references", passBytes);
        int[] classOfStream = classOf;
        EdgePass second = new EdgePass(index, streamToNode, classOfStream, maps, keepWeak, idSize);
        if (!capture.isEmpty()) {
            boolean[] byClass = new boolean[classes.size()];
            for (HeapClass c : classes.all()) {
                for (String name : capture) {
                    byClass[c.index()] |= c.isSubclassOf(name);
                }
            }
            second.capture(byClass);
        }
        second.meter = meter;
        new HprofReader(file, dump).read(second);
        int[] outStart = new int[n + 1];
        int[] targets;
        char[] labels;
        if (streamToNode == null) {
            for (int v = 0; v < n; v++) {
                outStart[v] = second.rowStart.get(v);
            }
            outStart[n] = (int) second.targets.size();
            targets = second.targets.toArray();
            second.targets.clear();
            labels = second.labels.toArray();
        } else {
            int[][] reordered = reorderRows(second, streamToNode, outStart);
            targets = reordered[0];
            labels = charsOf(reordered[1]);
        }

        HeapRoots roots = roots(first, index);
        GraphStats stats = new GraphStats(second.dangling, second.weakSkipped, duplicateRoots, missingRoots, duplicates, keepWeak);
        return new HeapGraph(file, summary, classes, model, index, classOf, sizeUnits, outStart, targets, labels, roots,
                maps, stats, second.captured.build());
    }

    private void phase(dev.heapchain.util.ProgressMeter meter, String name, long bytes) {
        if (meter != null) {
            meter.phase(name, bytes);
        } else {
            progress.accept(name);
        }
    }

    private long duplicateRoots;
    private long missingRoots;

    private static int units(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + 7) >>> 3);
    }

    private static int[] slotClassIndex(IndexPass first, HeapClassTable classes) {
        int slots = (int) first.slotClassIds.size();
        int[] out = new int[slots];
        for (int s = IndexPass.FIRST_CLASS_SLOT; s < slots; s++) {
            out[s] = classes.byId(first.slotClassIds.get(s)).index();
        }
        return out;
    }

    /** Rows came in stream order; lay them out in node order. */
    private static int[][] reorderRows(EdgePass second, int[] streamToNode, int[] outStart) {
        int streams = streamToNode.length;
        long total = second.targets.size();
        int[] degree = new int[outStart.length];
        for (int s = 0; s < streams; s++) {
            int node = streamToNode[s];
            if (node >= 0) {
                long end = s + 1 < streams ? second.rowStart.get(s + 1) : total;
                degree[node] = (int) (end - second.rowStart.get(s));
            }
        }
        int sum = 0;
        for (int v = 0; v < outStart.length - 1; v++) {
            outStart[v] = sum;
            sum += degree[v];
        }
        outStart[outStart.length - 1] = sum;
        int[] targets = new int[sum];
        int[] labels = new int[sum];
        for (int s = 0; s < streams; s++) {
            int node = streamToNode[s];
            if (node < 0) {
                continue;
            }
            long from = second.rowStart.get(s);
            int at = outStart[node];
            for (int k = 0; k < degree[node]; k++) {
                targets[at + k] = second.targets.get(from + k);
                labels[at + k] = second.labels.get(from + k);
            }
        }
        return new int[][]{targets, labels};
    }

    private static char[] charsOf(int[] values) {
        char[] out = new char[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (char) values[i];
        }
        return out;
    }

    private HeapRoots roots(IndexPass first, IdIndex index) {
        int raw = (int) first.rootIds.size();
        long[] keys = new long[raw];
        int[] order = new int[raw];
        int kept = 0;
        for (int i = 0; i < raw; i++) {
            int node = index.indexOf(first.rootIds.get(i));
            if (node < 0) {
                missingRoots++;
                continue;
            }
            // Sort key: node, then kind; ties keep file order (stable enough for dedup below).
            keys[kept] = ((long) node << 8) | first.rootKinds.get(i);
            order[kept] = i;
            kept++;
        }
        keys = java.util.Arrays.copyOf(keys, kept);
        order = java.util.Arrays.copyOf(order, kept);
        PairSort.sort(keys, order);
        IntList nodes = new IntList();
        IntList kinds = new IntList();
        IntList threads = new IntList();
        IntList depths = new IntList();
        for (int i = 0; i < kept; ) {
            int j = i;
            while (j < kept && keys[j] == keys[i]) {
                j++;
            }
            // One (node, kind) group: sort its (thread, depth) pairs so duplicates are adjacent.
            long[] pairs = new long[j - i];
            for (int k = i; k < j; k++) {
                pairs[k - i] = ((long) first.rootThreads.get(order[k]) << 32) | (first.rootDepths.get(order[k]) & 0xFFFFFFFFL);
            }
            java.util.Arrays.sort(pairs);
            int node = (int) (keys[i] >>> 8);
            int kind = (int) (keys[i] & 0xFF);
            for (int k = 0; k < pairs.length; k++) {
                if (k > 0 && pairs[k] == pairs[k - 1]) {
                    duplicateRoots++;
                    continue;
                }
                nodes.add(node);
                kinds.add(kind);
                threads.add((int) (pairs[k] >>> 32));
                depths.add((int) pairs[k]);
            }
            i = j;
        }
        int m = (int) nodes.size();
        byte[] kindBytes = new byte[m];
        for (int i = 0; i < m; i++) {
            kindBytes[i] = (byte) kinds.get(i);
        }
        return new HeapRoots(nodes.toArray(), kindBytes, threads.toArray(), depths.toArray());
    }
}
