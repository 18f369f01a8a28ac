package dev.heapchain.graph;

import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofReadSummary;
import dev.heapchain.hprof.HprofReader;
import dev.heapchain.util.CharArray;
import dev.heapchain.util.IndexArray;
import dev.heapchain.util.IntArray;
import dev.heapchain.util.LongArray;
import dev.heapchain.util.LongIntMap;
import dev.heapchain.util.ProgressMeter;
import dev.heapchain.util.Trace;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds a {@link HeapGraph}, in one streaming pass when the dump allows it: ids, classes and raw
 * references are read together ({@link IndexPass}), then the references are resolved to nodes. A
 * dump that writes objects out of address order (other than class objects), or instances before
 * their class dumps, takes a second pass instead ({@link SecondPassRoute}). Both routes share the
 * class side ({@link SlotClasses}), the roots ({@link HeapRoots#resolve}) and the assembly.
 */
public final class HeapGraphBuilder {
    private final HprofFile file;
    private final int dump;
    private boolean keepWeak;
    private Consumer<String> progress = s -> { };
    private Set<String> capture = Set.of();

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
    public HeapGraphBuilder capture(Set<String> classNames) {
        this.capture = classNames;
        return this;
    }

    /** Receives phase names as work starts, for a progress line. */
    public HeapGraphBuilder progress(Consumer<String> progress) {
        this.progress = progress;
        return this;
    }

    public HeapGraph build() {
        passPhase(progress, file, "reading objects and references");
        Trace.mark("build start");
        IndexPass pass = new IndexPass(keepWeak, capture, meter(progress));
        HprofReadSummary summary = new HprofReader(file, dump).read(pass);
        Trace.mark("read pass done");
        IndexedDump first = pass.result();
        // When the one-pass route is likely (see onePass), the id index and the resolving of
        // references start now on the other core, beside the class table and size model.
        ResolvedReferences.Early early = first.onePassLikely() ? ResolvedReferences.Early.start(first) : null;
        SlotClasses classes = SlotClasses.of(first, summary.header());
        Trace.mark("class table done");
        Parts parts = null;
        if (first.onePassLikely() && classes.agreeWith(first.edges())) {
            parts = onePass(first, classes, early);
        } else if (early != null) {
            early.undo(first);
        }
        if (parts == null) {
            if (first.edges() != null) {
                first.edges().free();
            }
            parts = new SecondPassRoute(file, dump, keepWeak, capture, progress).build(first, classes,
                    summary.header().idSize());
        }
        HeapRoots roots = HeapRoots.resolve(first.roots(), parts.index());
        GraphStats stats = new GraphStats(parts.dangling(), parts.weakSkipped(), roots.duplicateRecords(),
                roots.missingObjects(), parts.duplicateObjects(), keepWeak);
        HeapGraph graph = new HeapGraph(file, summary, classes.classes(), classes.model(), parts.index(), parts.classOf(),
                parts.sizeUnits(), parts.outStart(), parts.targets(), parts.labels(), roots, classes.maps(), stats,
                parts.captured());
        if (parts.checkpoints() != null) {
            graph.checkpoints(parts.checkpoints());
        }
        return graph;
    }

    /**
     * What a route builds: the nodes (id index, class and size columns), their references row by
     * row, and what it dropped.
     *
     * @param checkpoints where to read objects again; null when the nodes are not in stream order
     */
    record Parts(IdIndex index, IntArray classOf, SizeColumn sizeUnits, IndexArray outStart, IntArray targets,
                 CharArray labels, long dangling, long weakSkipped, long duplicateObjects, CapturedFields captured,
                 Checkpoints checkpoints) {
    }

    /**
     * The usual case: references were read in the one pass, and all objects but class objects
     * came in ascending id order. Nodes keep that order, class objects follow; no sort, no
     * permutation; references are resolved from raw ids to nodes on both cores.
     *
     * @param early resolving already under way, or null
     * @return null, having changed nothing, when class ids repeat (the second-pass route sorts those out)
     */
    private Parts onePass(IndexedDump first, SlotClasses classes, ResolvedReferences.Early early) {
        progress.accept("resolving references");
        LongArray ids = first.ids();
        IntArray slots = first.slots();
        IntArray lengths = first.lengths();
        long total = slots.size();
        int classCount = (int) first.classObjects();
        long mainCount = total - classCount;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 objects in one dump: " + total);
        }
        int n = (int) total;
        IntArray classOf = slots; // rewritten in place: entry w is written after entry s >= w was read
        SizeColumn sizeUnits = new SizeColumn(n);
        long totalUnits = 0; // class objects add 0
        long[] classIds;
        if (early != null) {
            classIds = early.classIds();
            for (long s = classCount; s < total; s++) {
                totalUnits += column(classes, classOf, lengths, sizeUnits, s - classCount, s);
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
                totalUnits += column(classes, classOf, lengths, sizeUnits, w, s);
                w++;
            }
        }
        sizeUnits.totalUnits(totalUnits);
        Trace.mark("object columns");
        lengths.free();
        ResolvedReferences r;
        if (early != null) {
            r = early.join();
        } else {
            ids.resize(mainCount, false);
            r = ResolvedReferences.resolve(first, ids, classIds);
        }
        IdIndex index = r.index();
        long duplicates = 0;
        for (int k = 0; k < classCount; k++) {
            if (index.indexOf(classIds[k]) != mainCount + k) {
                duplicates++; // a class id equal to another object's: lookups find the object
            }
            classOf.set(mainCount + k, classes.classObject(classIds[k]));
            sizeUnits.set(mainCount + k, 0);
        }

        // The class objects' rows follow the others'.
        IndexedDump.Edges edges = first.edges();
        IndexArray outStart = edges.rowStart();
        IntArray targets = r.targets();
        IntArray classTargets = r.classTargets();
        long mainEdges = targets.size();
        for (long k = 1; k <= classCount; k++) {
            outStart.add(mainEdges + edges.classRowStart().get(k));
        }
        long classEdges = classTargets.size();
        targets.resize(mainEdges + classEdges, false);
        targets.copy(classTargets, 0, mainEdges, classEdges);
        CharArray labels = edges.labels();
        labels.resize(mainEdges + classEdges, false);
        labels.copy(edges.classLabels(), 0, mainEdges, classEdges);
        classTargets.free();
        edges.classLabels().free();
        edges.classRowStart().free();
        targets.trim();
        labels.trim();
        outStart.trim();
        return new Parts(index, classOf, sizeUnits, outStart, targets, labels, r.dangling(), edges.weakSkipped(),
                duplicates, edges.captured().build(), first.checkpoints());
    }

    /**
     * Node w's class and shallow size from stream entry s (w <= s: the class column is the slot
     * column, rewritten in place); answers the size in 8-byte units.
     */
    private static int column(SlotClasses classes, IntArray classOf, IntArray lengths, SizeColumn sizeUnits, long w,
                              long s) {
        int slot = classOf.get(s);
        int units = classes.fixedUnits(slot);
        if (units < 0) {
            units = classes.arrayUnits(slot, lengths.get(s));
        }
        classOf.set(w, classes.classIndex(slot));
        sizeUnits.set(w, units);
        return units;
    }

    /** A pass over the dump starts: with a meter, one that counts the dump's bytes (when they are known). */
    static void passPhase(Consumer<String> progress, HprofFile file, String name) {
        ProgressMeter meter = meter(progress);
        if (meter != null) {
            meter.phase(name, file.compressed() ? -1 : file.fileSize());
        } else {
            progress.accept(name);
        }
    }

    /** The meter a pass ticks, when the progress consumer is one; else null. */
    static ProgressMeter meter(Consumer<String> progress) {
        return progress instanceof ProgressMeter m ? m : null;
    }
}
