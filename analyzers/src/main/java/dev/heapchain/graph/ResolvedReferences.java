package dev.heapchain.graph;

import dev.heapchain.util.CharArray;
import dev.heapchain.util.IndexArray;
import dev.heapchain.util.IntArray;
import dev.heapchain.util.LongArray;
import dev.heapchain.util.LongIntMap;
import dev.heapchain.util.Tasks;
import dev.heapchain.util.Trace;

import java.util.concurrent.CompletableFuture;

/**
 * The one-pass route's id index and the references the pass read, resolved from raw ids to nodes:
 * nodes 0..main-1 are the objects that are not class objects, in stream order, and class objects
 * follow. References to ids the dump does not hold are dropped (labels and row starts move along).
 *
 * @param dangling how many references were dropped
 */
record ResolvedReferences(IdIndex index, IntArray targets, IntArray classTargets, long dangling) {

    /** Builds the id index from the ids of nodes 0..main-1 (taking their memory), then resolves both reference lists. */
    static ResolvedReferences resolve(IndexedDump first, LongArray mainIds, long[] classIds) {
        IndexedDump.Edges edges = first.edges();
        // The pass saw these ids in order, so their common alignment is known already.
        IdIndex index = new IdIndex(mainIds, classIds, true, first.nonClassIdBits());
        Trace.mark("id index built");
        long[] mainMissing = new long[1];
        long[] staticMissing = new long[1];
        IntArray targets = edges.rawTargets().resolve(index, true, mainMissing);
        IntArray classTargets = RefList.resolveWide(index, edges.classRawTargets(), false, staticMissing);
        Trace.mark("resolved");
        if (mainMissing[0] > 0) {
            targets = dropMissing(targets, edges.labels(), edges.rowStart());
        }
        if (staticMissing[0] > 0) {
            classTargets = dropMissing(classTargets, edges.classLabels(), edges.classRowStart());
        }
        return new ResolvedReferences(index, targets, classTargets, mainMissing[0] + staticMissing[0]);
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

    /**
     * Resolving started right after the pass, on another thread. Only when the class objects lead
     * the stream (as HotSpot writes them) with distinct ids: then the other objects' ids are one
     * shift away from the id index's input, and the node numbers (class objects last) are known.
     */
    static final class Early {
        private final long[] classIds;
        private final long total;
        private final CompletableFuture<ResolvedReferences> resolved;

        private Early(long[] classIds, long total, CompletableFuture<ResolvedReferences> resolved) {
            this.classIds = classIds;
            this.total = total;
            this.resolved = resolved;
        }

        /** Started, or null when the class objects do not lead the stream with distinct ids. */
        static Early start(IndexedDump first) {
            LongArray ids = first.ids();
            long total = ids.size();
            int classCount = (int) first.classObjects();
            if (total > Integer.MAX_VALUE - 8 || total < classCount) {
                return null;
            }
            long[] classIds = new long[classCount];
            LongIntMap seen = new LongIntMap(Math.max(4, classCount));
            for (int s = 0; s < classCount; s++) {
                if (first.slots().get(s) != IndexPass.CLASS_OBJECT_SLOT) {
                    return null;
                }
                classIds[s] = ids.get(s);
                if (seen.put(classIds[s], s) >= 0) {
                    return null;
                }
            }
            ids.copy(ids, classCount, 0, total - classCount);
            ids.resize(total - classCount, false);
            return new Early(classIds, total, Tasks.start(() -> resolve(first, ids, classIds)));
        }

        /** The class objects' ids, in stream order (they are the first objects of the stream). */
        long[] classIds() {
            return classIds;
        }

        ResolvedReferences join() {
            return Tasks.join(resolved);
        }

        /** Gives the pass its ids back in stream order, for the second-pass route; frees the rest. */
        void undo(IndexedDump first) {
            ResolvedReferences r = join();
            LongArray ids = first.ids(); // emptied by the index
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
}
