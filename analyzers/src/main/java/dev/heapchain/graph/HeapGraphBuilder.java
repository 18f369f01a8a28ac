package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofReadSummary;
import dev.heapchain.hprof.HprofReader;
import dev.heapchain.util.CharArray;
import dev.heapchain.util.IndexArray;
import dev.heapchain.util.IntArray;
import dev.heapchain.util.IntList;
import dev.heapchain.util.LongArray;
import dev.heapchain.util.LongIntMap;
import dev.heapchain.util.PairSort;
import dev.heapchain.util.RunMergeSort;
import dev.heapchain.util.Tasks;
import dev.heapchain.util.Trace;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Builds a {@link HeapGraph}, in one streaming pass when the dump allows it: ids, classes and raw
 * references are read together, then the references are resolved to nodes. A dump that writes
 * objects out of address order (other than class objects), or instances before their class
 * dumps, takes a second pass: the ids are sorted, then the references read again.
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
        phase(meter, "reading objects and references", passBytes);
        Trace.mark("build start");
        IndexPass first = new IndexPass(true, keepWeak, capture);
        first.meter = meter;
        HprofReadSummary summary = new HprofReader(file, dump).read(first);
        Trace.mark("read pass done");
        first.finishRows();
        // When the one-pass route is likely (see buildFromOnePass), the id index and the resolving
        // of references start now on the other core, beside the class table and size model.
        Early early = first.edgesComplete() && first.ascendingExceptClasses ? Early.start(first) : null;
        long[] referenced = new long[(int) first.slotClassIds.size() - IndexPass.FIRST_CLASS_SLOT];
        for (int i = 0; i < referenced.length; i++) {
            referenced[i] = first.slotClassIds.get(i + IndexPass.FIRST_CLASS_SLOT);
        }
        HeapClassTable classes = first.classTable(referenced);
        SizeModel model = first.inference.choose(summary.header(), classes);
        int idSize = summary.header().idSize();
        FieldMap[] maps = new FieldMap[classes.size()];
        for (HeapClass c : classes.all()) {
            maps[c.index()] = FieldMap.of(c, idSize);
        }
        int[] classSizes = InstanceLayouts.sizes(classes, model);
        int[] slotClass = slotClassIndex(first, classes);
        Trace.mark("class table done");
        boolean onePass = first.edgesComplete() && first.ascendingExceptClasses && layoutsAgree(first, slotClass, maps);
        if (onePass) {
            HeapGraph g = buildFromOnePass(first, summary, classes, model, maps, classSizes, slotClass, early);
            if (g != null) {
                return g;
            }
        } else if (early != null) {
            early.undo(first);
        }
        first.dropEdges();
        return buildWithSecondPass(first, summary, classes, model, maps, classSizes, slotClass, meter, passBytes);
    }

    /** The id index and the references resolved to nodes, narrowed (see {@link #compact}). */
    private record Resolved(IdIndex index, IntArray targets, IntArray classTargets, long dangling) {
    }

    /** Builds the id index from the ids of nodes 0..main-1 (taking their memory), then resolves both reference lists. */
    private static Resolved resolveEdges(IndexPass first, LongArray mainIds, long[] classIds) {
        // The pass saw these ids in order, so their common alignment is known already.
        IdIndex index = new IdIndex(mainIds, classIds, true, first.nonClassIdBits);
        Trace.mark("id index built");
        long[] mainMissing = new long[1];
        long[] staticMissing = new long[1];
        IntArray targets = first.rawTargets.resolve(index, true, mainMissing);
        IntArray classTargets = RefList.resolveWide(index, first.classRawTargets, false, staticMissing);
        Trace.mark("resolved");
        if (mainMissing[0] > 0) {
            targets = dropMissing(targets, first.labels, first.rowStart);
        }
        if (staticMissing[0] > 0) {
            classTargets = dropMissing(classTargets, first.classLabels, first.classRowStart);
        }
        return new Resolved(index, targets, classTargets, mainMissing[0] + staticMissing[0]);
    }

    /**
     * Resolving started right after the pass, on another thread. Only when the class objects lead
     * the stream (as HotSpot writes them) with distinct ids: then the other objects' ids are one
     * shift away from the id index's input, and the node numbers (class objects last) are known.
     */
    private static final class Early {
        final long[] classIds;
        final long total;
        final CompletableFuture<Resolved> resolved;

        private Early(long[] classIds, long total, CompletableFuture<Resolved> resolved) {
            this.classIds = classIds;
            this.total = total;
            this.resolved = resolved;
        }

        static Early start(IndexPass first) {
            LongArray ids = first.ids;
            long total = ids.size();
            int classCount = (int) first.classObjects;
            if (total > Integer.MAX_VALUE - 8 || total < classCount) {
                return null;
            }
            long[] classIds = new long[classCount];
            LongIntMap seen = new LongIntMap(Math.max(4, classCount));
            for (int s = 0; s < classCount; s++) {
                if (first.slots.get(s) != IndexPass.CLASS_OBJECT_SLOT) {
                    return null;
                }
                classIds[s] = ids.get(s);
                if (seen.put(classIds[s], s) >= 0) {
                    return null;
                }
            }
            ids.copy(ids, classCount, 0, total - classCount);
            ids.resize(total - classCount, false);
            return new Early(classIds, total, dev.heapchain.util.Tasks.start(() -> resolveEdges(first, ids, classIds)));
        }

        /** Gives the pass its ids back in stream order, for the second-pass route; frees the rest. */
        void undo(IndexPass first) {
            Resolved r = Tasks.join(resolved);
            LongArray ids = first.ids; // emptied by the index
            ids.resize(total, false);
            for (int k = 0; k < classIds.length; k++) {
                ids.set(k, classIds[k]);
            }
            for (int i = 0, main = (int) (total - classIds.length); i < main; i++) {
                ids.set(classIds.length + (long) i, r.index().idAt(i));
            }
            r.index().free();
            r.targets().free();
            r.classTargets().free();
        }
    }

    /** The layouts the pass read references with must be the ones the class table gives. */
    private static boolean layoutsAgree(IndexPass first, int[] slotClass, FieldMap[] maps) {
        IndexPass.Layout[] layouts = first.layouts();
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

    /**
     * The usual case: references were read in the one pass, and all objects but class objects
     * came in ascending id order. Nodes keep that order, class objects follow; no sort, no
     * permutation; references are resolved from raw ids to nodes on both cores.
     *
     * @param early resolving already under way, or null
     * @return null, having changed nothing, when class ids repeat (the second-pass route sorts those out)
     */
    private HeapGraph buildFromOnePass(IndexPass first, HprofReadSummary summary, HeapClassTable classes,
                                       SizeModel model, FieldMap[] maps, int[] classSizes, int[] slotClass,
                                       Early early) {
        progress.accept("resolving references");
        LongArray ids = first.ids;
        IntArray slots = first.slots;
        IntArray lengths = first.lengths;
        long total = slots.size();
        int classCount = (int) first.classObjects;
        long mainCount = total - classCount;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 objects in one dump: " + total);
        }
        int n = (int) total;
        IntArray classOf = slots; // rewritten in place: entry w is written after entry s >= w was read
        SizeColumn sizeUnits = new SizeColumn(n);
        ObjectColumns columns = new ObjectColumns(classes, model, classSizes, slotClass, lengths, classOf, sizeUnits);
        long[] classIds;
        if (early != null) {
            classIds = early.classIds;
            for (long s = classCount; s < total; s++) {
                columns.set(s - classCount, s);
            }
        } else {
            classIds = new long[classCount];
            // Class ids must be distinct; a dump that repeats one takes the other route (which
            // sorts and drops duplicates). Checked before anything is changed.
            LongIntMap seen = new LongIntMap(Math.max(4, classCount));
            for (long s = 0, k = 0; s < total && k < classCount; s++) {
                if (slots.get(s) == IndexPass.CLASS_OBJECT_SLOT && seen.put(ids.get(s), (int) k++) >= 0) {
                    return null;
                }
            }
            int ci = 0;
            long w = 0;
            for (long s = 0; s < total; s++) {
                if (slots.get(s) == IndexPass.CLASS_OBJECT_SLOT) {
                    classIds[ci++] = ids.get(s);
                    continue;
                }
                ids.set(w, ids.get(s));
                columns.set(w, s);
                w++;
            }
        }
        sizeUnits.totalUnits(columns.totalUnits); // class objects add 0
        Trace.mark("object columns");
        lengths.free();
        Resolved r;
        if (early != null) {
            r = Tasks.join(early.resolved);
        } else {
            ids.resize(mainCount, false);
            r = resolveEdges(first, ids, classIds);
        }
        IdIndex index = r.index();
        long duplicates = 0;
        for (int k = 0; k < classCount; k++) {
            if (index.indexOf(classIds[k]) != mainCount + k) {
                duplicates++; // a class id equal to another object's: lookups find the object
            }
            HeapClass described = classes.byId(classIds[k]);
            classOf.set(mainCount + k, HeapGraph.CLASS_OBJECT | described.index());
            sizeUnits.set(mainCount + k, 0);
        }

        IndexArray outStart = first.rowStart;
        IntArray targets = r.targets();
        IntArray classTargets = r.classTargets();
        long mainEdges = targets.size();
        for (long k = 1; k <= classCount; k++) {
            outStart.add(mainEdges + first.classRowStart.get(k));
        }
        long classEdges = classTargets.size();
        targets.resize(mainEdges + classEdges, false);
        targets.copy(classTargets, 0, mainEdges, classEdges);
        CharArray labels = first.labels;
        labels.resize(mainEdges + classEdges, false);
        labels.copy(first.classLabels, 0, mainEdges, classEdges);
        classTargets.free();
        first.classLabels.free();
        first.classRowStart.free();
        targets.trim();
        labels.trim();
        outStart.trim();

        HeapRoots roots = roots(first, index);
        GraphStats stats = new GraphStats(r.dangling(), first.weakSkipped, duplicateRoots, missingRoots, duplicates, keepWeak);
        HeapGraph graph = new HeapGraph(file, summary, classes, model, index, classOf, sizeUnits, outStart, targets,
                labels, roots, maps, stats, first.captured.build());
        graph.checkpoints(new Checkpoints(first.checkpointNodes, first.checkpointOffsets, first.checkpointEnds,
                (int) mainCount));
        return graph;
    }

    /**
     * Class and shallow size of each object, from the pass's class slot and array length. Per slot,
     * the class and, unless it is an array class, the size are looked up once.
     */
    private static final class ObjectColumns {
        private final SizeModel model;
        private final int[] slotClass;
        /** Size in 8-byte units per class slot; -1 for object-array classes (the length decides). */
        private final int[] slotUnits;
        private final HprofBasicType[] primitiveType = new HprofBasicType[IndexPass.CLASS_OBJECT_SLOT];
        private final int[] primitiveClass = new int[IndexPass.CLASS_OBJECT_SLOT];
        private final IntArray lengths;
        private final IntArray classOf;
        private final SizeColumn sizeUnits;
        /** Units set so far, for {@link SizeColumn#totalUnits}. */
        long totalUnits;

        ObjectColumns(HeapClassTable classes, SizeModel model, int[] classSizes, int[] slotClass, IntArray lengths,
                      IntArray classOf, SizeColumn sizeUnits) {
            this.model = model;
            this.slotClass = slotClass;
            this.slotUnits = new int[slotClass.length];
            for (int slot = IndexPass.FIRST_CLASS_SLOT; slot < slotClass.length; slot++) {
                int c = slotClass[slot];
                slotUnits[slot] = classes.byIndex(c).isArray() ? -1 : units(classSizes[c]);
            }
            for (HprofBasicType t : HprofBasicType.values()) {
                if (t != HprofBasicType.OBJECT && t.code() < IndexPass.CLASS_OBJECT_SLOT) {
                    HeapClass arrayClass = classes.primitiveArrayClass(t);
                    primitiveType[t.code()] = t;
                    primitiveClass[t.code()] = arrayClass == null ? -1 : arrayClass.index();
                }
            }
            this.lengths = lengths;
            this.classOf = classOf;
            this.sizeUnits = sizeUnits;
        }

        /** Node w from stream entry s (w <= s: the class column is the slot column, rewritten in place). */
        void set(long w, long s) {
            int slot = classOf.get(s);
            int c;
            int units;
            if (slot >= IndexPass.FIRST_CLASS_SLOT) {
                c = slotClass[slot];
                units = slotUnits[slot];
                if (units < 0) {
                    units = units(model.arraySize(HprofBasicType.OBJECT, lengths.get(s)));
                }
            } else {
                c = primitiveClass[slot];
                units = units(model.arraySize(primitiveType[slot], lengths.get(s)));
            }
            classOf.set(w, c);
            sizeUnits.set(w, units);
            totalUnits += units;
        }
    }

    /**
     * Drops the references to missing objects (-1), in place: labels and row starts move along.
     * Only when some are missing; a HotSpot dump has none.
     */
    private static IntArray dropMissing(IntArray targets, CharArray labels, IndexArray rowStart) {
        long rows = rowStart.size() - 1;
        long w = 0;
        long from = rowStart.get(0);
        for (long r = 0; r < rows; r++) {
            long to = rowStart.get(r + 1);
            rowStart.set(r, w);
            for (long i = from; i < to; i++) {
                int t = targets.get(i);
                if (t >= 0) {
                    targets.set(w, t); // w <= i: only entries already read are overwritten
                    labels.set(w, labels.get(i));
                    w++;
                }
            }
            from = to;
        }
        rowStart.set(rows, w);
        targets.resize(w, false);
        labels.resize(w, false);
        return targets;
    }

    private HeapGraph buildWithSecondPass(IndexPass first, HprofReadSummary summary, HeapClassTable classes,
                                          SizeModel model, FieldMap[] maps, int[] classSizes, int[] slotClass,
                                          dev.heapchain.util.ProgressMeter meter, long passBytes) {
        int idSize = summary.header().idSize();
        long[] ids = toHeap(first.ids);
        first.ids.free();
        int[] slots = toHeap(first.slots);
        first.slots.free();
        int[] lengths = toHeap(first.lengths);
        first.lengths.free();
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
        ids = null;

        int[] classOf = new int[n];
        SizeColumn sizeUnits = new SizeColumn(n);
        for (int v = 0; v < n; v++) {
            int slot = slots[v];
            if (slot == IndexPass.CLASS_OBJECT_SLOT) {
                HeapClass described = classes.byId(index.idAt(v));
                classOf[v] = HeapGraph.CLASS_OBJECT | described.index();
                sizeUnits.set(v, 0);
            } else if (slot < IndexPass.CLASS_OBJECT_SLOT) {
                HprofBasicType type = HprofBasicType.ofCode(slot);
                classOf[v] = classes.primitiveArrayClass(type).index();
                sizeUnits.set(v, units(model.arraySize(type, lengths[v])));
            } else {
                int c = slotClass[slot];
                classOf[v] = c;
                HeapClass hc = classes.byIndex(c);
                sizeUnits.set(v, hc.isArray() ? units(model.arraySize(HprofBasicType.OBJECT, lengths[v]))
                        : units(classSizes[c]));
            }
        }
        slots = null;
        lengths = null;

        phase(meter, "reading references", passBytes);
        EdgePass second = new EdgePass(index, streamToNode, classOf, maps, keepWeak, idSize);
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
        IndexArray outStart = IndexArray.zeroed(n + 1L, second.targets.size());
        IntArray targets;
        CharArray labels;
        if (streamToNode == null) {
            for (int v = 0; v < n; v++) {
                outStart.set(v, second.rowStart.get(v));
            }
            outStart.set(n, second.targets.size());
            targets = IntArray.uninitialized(second.targets.size());
            labels = CharArray.uninitialized(second.targets.size());
            for (long e = 0; e < targets.size(); e++) {
                targets.set(e, second.targets.get(e));
                labels.set(e, second.labels.get(e));
            }
        } else {
            long total = second.targets.size();
            targets = IntArray.uninitialized(total);
            labels = CharArray.uninitialized(total);
            reorderRows(second, streamToNode, outStart, targets, labels);
        }
        IntArray classOfArray = IntArray.uninitialized(n);
        for (int v = 0; v < n; v++) {
            classOfArray.set(v, classOf[v]);
        }

        HeapRoots roots = roots(first, index);
        GraphStats stats = new GraphStats(second.dangling, second.weakSkipped, duplicateRoots, missingRoots, duplicates, keepWeak);
        return new HeapGraph(file, summary, classes, model, index, classOfArray, sizeUnits, outStart, targets, labels,
                roots, maps, stats, second.captured.build());
    }

    private static long[] toHeap(LongArray a) {
        long[] out = new long[checkedLength(a.size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i);
        }
        return out;
    }

    private static int[] toHeap(IntArray a) {
        int[] out = new int[checkedLength(a.size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i);
        }
        return out;
    }

    private static int checkedLength(long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 objects in one dump: " + size);
        }
        return (int) size;
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
    private static void reorderRows(EdgePass second, int[] streamToNode, IndexArray outStart, IntArray targets,
                                    CharArray labels) {
        int streams = streamToNode.length;
        long total = second.targets.size();
        int nodes = (int) outStart.size() - 1;
        int[] degree = new int[nodes];
        for (int s = 0; s < streams; s++) {
            int node = streamToNode[s];
            if (node >= 0) {
                long end = s + 1 < streams ? second.rowStart.get(s + 1) : total;
                degree[node] = (int) (end - second.rowStart.get(s));
            }
        }
        long sum = 0;
        for (int v = 0; v < nodes; v++) {
            outStart.set(v, sum);
            sum += degree[v];
        }
        outStart.set(nodes, sum);
        for (int s = 0; s < streams; s++) {
            int node = streamToNode[s];
            if (node < 0) {
                continue;
            }
            long from = second.rowStart.get(s);
            long at = outStart.get(node);
            for (int k = 0; k < degree[node]; k++) {
                targets.set(at + k, second.targets.get(from + k));
                labels.set(at + k, second.labels.get(from + k));
            }
        }
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
