package dev.heapchain.graph;

import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofReader;
import dev.heapchain.util.CharArray;
import dev.heapchain.util.IndexArray;
import dev.heapchain.util.IntArray;
import dev.heapchain.util.IntList;
import dev.heapchain.util.LongArray;
import dev.heapchain.util.RunMergeSort;

import java.util.Set;
import java.util.function.Consumer;

/**
 * The graph build's route for dumps the one pass could not finish: objects out of address order
 * (other than class objects), or instances before their class dumps. The ids are sorted (repeats
 * dropped, the first one counts), then a second pass reads every reference again and resolves it
 * against the sorted ids; rows that came in stream order are laid out in node order.
 */
final class SecondPassRoute {
    private final HprofFile file;
    private final int dump;
    private final boolean keepWeak;
    private final Set<String> capture;
    private final Consumer<String> progress;

    SecondPassRoute(HprofFile file, int dump, boolean keepWeak, Set<String> capture, Consumer<String> progress) {
        this.file = file;
        this.dump = dump;
        this.keepWeak = keepWeak;
        this.capture = capture;
        this.progress = progress;
    }

    /** The nodes in id order, from the pass's objects (whose references it no longer holds). */
    HeapGraphBuilder.Parts build(IndexedDump first, SlotClasses classes, int idSize) {
        long[] ids = toHeap(first.ids());
        first.ids().free();
        int[] slots = toHeap(first.slots());
        first.slots().free();
        int[] lengths = toHeap(first.lengths());
        first.lengths().free();
        int n = ids.length;
        int[] streamToNode = null;
        long duplicates = 0;
        if (!first.ascending()) {
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
                classOf[v] = classes.classObject(index.idAt(v));
                sizeUnits.set(v, 0);
            } else {
                classOf[v] = classes.classIndex(slot);
                sizeUnits.set(v, classes.units(slot, lengths[v]));
            }
        }
        slots = null;
        lengths = null;

        HeapGraphBuilder.passPhase(progress, file, "reading references");
        EdgePass pass = new EdgePass(index, streamToNode, classOf, classes.maps(), keepWeak, idSize,
                capture.isEmpty() ? null : capturedClasses(classes.classes()),
                HeapGraphBuilder.meter(progress));
        new HprofReader(file, dump).read(pass);
        EdgePass.Result second = pass.result();
        long total = second.targets().size();
        IndexArray outStart = IndexArray.zeroed(n + 1L, total);
        IntArray targets = IntArray.uninitialized(total);
        CharArray labels = CharArray.uninitialized(total);
        if (streamToNode == null) {
            for (int v = 0; v < n; v++) {
                outStart.set(v, second.rowStart().get(v));
            }
            outStart.set(n, total);
            for (long e = 0; e < total; e++) {
                targets.set(e, second.targets().get(e));
                labels.set(e, second.labels().get(e));
            }
        } else {
            reorderRows(second, streamToNode, outStart, targets, labels);
        }
        IntArray classOfArray = IntArray.uninitialized(n);
        for (int v = 0; v < n; v++) {
            classOfArray.set(v, classOf[v]);
        }
        return new HeapGraphBuilder.Parts(index, classOfArray, sizeUnits, outStart, targets, labels, second.dangling(),
                second.weakSkipped(), duplicates, second.captured(), null);
    }

    /** Per class index: whether its instances' field bytes are kept (the classes asked for and their subclasses). */
    private boolean[] capturedClasses(HeapClassTable classes) {
        boolean[] byClass = new boolean[classes.size()];
        for (HeapClass c : classes.all()) {
            for (String name : capture) {
                byClass[c.index()] |= c.isSubclassOf(name);
            }
        }
        return byClass;
    }

    /** Rows came in stream order; lay them out in node order. */
    private static void reorderRows(EdgePass.Result second, int[] streamToNode, IndexArray outStart, IntArray targets,
                                    CharArray labels) {
        int streams = streamToNode.length;
        IntList rowStart = second.rowStart();
        long total = second.targets().size();
        int nodes = (int) outStart.size() - 1;
        int[] degree = new int[nodes];
        for (int s = 0; s < streams; s++) {
            int node = streamToNode[s];
            if (node >= 0) {
                long end = s + 1 < streams ? rowStart.get(s + 1) : total;
                degree[node] = (int) (end - rowStart.get(s));
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
            long from = rowStart.get(s);
            long at = outStart.get(node);
            for (int k = 0; k < degree[node]; k++) {
                targets.set(at + k, second.targets().get(from + k));
                labels.set(at + k, second.labels().get(from + k));
            }
        }
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
}
