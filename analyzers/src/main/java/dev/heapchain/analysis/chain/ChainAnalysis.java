package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.RootPath;
import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.util.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds snapshot chains in an analysed heap: the profile's target objects, their epochs, the chains
 * they form over the link fields, what each chain and each epoch retains, who owns each chain and
 * what pins it, and the verdict.
 */
public final class ChainAnalysis {
    private ChainAnalysis() {
    }

    public static ChainReport run(HeapAnalysis a, Profile profile, int maxLiveEpochs) {
        HeapGraph g = a.graph();
        // One scan over all objects finds the targets and the instances the bookkeeping and
        // container rules look at (each scan of 15 M objects costs ~0.05 s).
        List<String> bookClasses = profile.bookkeeping() == null ? List.of() : profile.bookkeeping().classes();
        List<String> containerClasses = profile.container() == null || profile.container().classes() == null
                ? List.of() : profile.container().classes();
        boolean[] targetClasses = classMask(g, profile.targetClasses());
        boolean[] bookMask = classMask(g, bookClasses);
        boolean[] containerMask = classMask(g, containerClasses);
        dev.heapchain.util.IntList found = new dev.heapchain.util.IntList();
        dev.heapchain.util.IntList bookInstances = new dev.heapchain.util.IntList();
        dev.heapchain.util.IntList containerInstances = new dev.heapchain.util.IntList();
        long unreachable = 0;
        for (int v = 0, n = g.nodeCount(); v < n; v++) {
            int c = g.classIndex(v); // negative for class objects
            if (c < 0 || !(targetClasses[c] || bookMask[c] || containerMask[c])) {
                continue;
            }
            boolean reachable = a.dominators().isReachable(v);
            if (targetClasses[c]) {
                if (reachable) {
                    found.add(v);
                } else {
                    unreachable++;
                }
            }
            if (reachable && bookMask[c]) {
                bookInstances.add(v);
            }
            if (reachable && containerMask[c]) {
                containerInstances.add(v);
            }
        }
        int[] all = found.toArray();
        NumberReader numbers = new NumberReader(g);
        NumberReader.Slot[] slots = new NumberReader.Slot[all.length];
        for (int i = 0; i < all.length; i++) {
            slots[i] = numbers.request(all[i], profile.epochField());
        }
        Bookkeeping book = profile.bookkeeping() == null ? null
                : new Bookkeeping(a, profile.bookkeeping(), bookInstances.toArray(), numbers);
        numbers.read();
        Trace.mark("chain: numbers read");
        Epochs epochs = new Epochs(all.length);
        Set<Long> sentinels = new HashSet<>(profile.sentinelEpochs());
        for (int i = 0; i < all.length; i++) {
            Long e = numbers.value(slots[i]);
            epochs.put(all[i], e, e != null && sentinels.contains(e));
        }

        Containers containers = new Containers(a, profile.container(), containerMask, containerInstances.toArray());
        List<ChainReport.Chain> chains = new ArrayList<>();
        List<int[]> components = ChainFinder.components(g, all, profile.linkFields());
        Trace.mark("chain: components");
        List<PinFinder.Target> pinTargets = new ArrayList<>();
        for (int[] members : components) {
            int[] snapshots = Arrays.stream(members).filter(epochs::counts).toArray();
            if (snapshots.length == 0) {
                continue;
            }
            int oldest = snapshots[0];
            int newest = snapshots[0];
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int v : snapshots) {
                long e = epochs.epoch(v);
                if (e < epochs.epoch(oldest) || e == epochs.epoch(oldest) && g.id(v) < g.id(oldest)) {
                    oldest = v;
                }
                if (e > epochs.epoch(newest) || e == epochs.epoch(newest) && g.id(v) < g.id(newest)) {
                    newest = v;
                }
                min = Math.min(min, e);
                max = Math.max(max, e);
            }
            int container = containers.of(members, newest);
            long retained = a.retainedSizeOfSet(snapshots);
            RootPath toContainer = container >= 0 ? a.pathTo(container) : null;
            RootPath toOldest = a.pathTo(oldest);
            String rootKind = (toContainer != null ? toContainer : toOldest).rootKind();
            Gaps gaps = Gaps.of(snapshots, epochs);
            chains.add(new ChainReport.Chain(container >= 0 ? g.id(container) : null,
                    container >= 0 ? a.displayClass(container) : null, snapshots.length, min, max, gaps.missing(),
                    gaps.first(), retained, g.id(oldest), a.displayClass(oldest), rootKind, toContainer, toOldest,
                    List.of()));
            pinTargets.add(new PinFinder.Target(chains.size() - 1, members, oldest, container));
        }
        java.util.Map<Integer, Integer> chainOf = new java.util.HashMap<>();
        Trace.mark("chain: chains (retained, paths)");
        for (PinFinder.Target t : pinTargets) {
            for (int m : t.members()) {
                chainOf.put(m, t.chain());
            }
        }
        // The pin scan reads every reference; it runs on the other core beside the epoch statistics.
        java.util.concurrent.CompletableFuture<List<List<ChainReport.Pin>>> directPins =
                dev.heapchain.util.Tasks.start(() -> PinFinder.direct(a, pinTargets, chains.size()));
        EpochStatsBuilder.Result epochStats;
        try {
            epochStats = EpochStatsBuilder.build(a, epochs, chainOf);
        } catch (RuntimeException | Error e) {
            directPins.exceptionally(x -> null).join();
            throw e;
        }
        Trace.mark("chain: epoch stats");
        List<List<ChainReport.Pin>> pins = dev.heapchain.util.Tasks.join(directPins);
        if (book != null) {
            book.pins(chains, pinTargets, pins);
        }
        List<ChainReport.Chain> withPins = new ArrayList<>();
        for (int i = 0; i < chains.size(); i++) {
            ChainReport.Chain c = chains.get(i);
            withPins.add(new ChainReport.Chain(c.containerId(), c.containerClass(), c.length(), c.minEpoch(),
                    c.maxEpoch(), c.missingEpochs(), c.gaps(), c.retainedBytes(), c.oldestObjectId(), c.oldestClass(),
                    c.rootKind(), c.pathToContainer(), c.pathToOldest(), List.copyOf(pins.get(i))));
        }
        withPins.sort((x, y) -> x.retainedBytes() != y.retainedBytes() ? Long.compare(y.retainedBytes(), x.retainedBytes())
                : Long.compare(x.minEpoch(), y.minEpoch()));
        ChainReport.Verdict verdict = VerdictRules.decide(withPins, maxLiveEpochs);
        return new ChainReport(profile, maxLiveEpochs, epochs.counted(), unreachable, epochStats.epochs(),
                epochStats.basis() == EpochStatsBuilder.Basis.SET ? "set" : "sum-of-chain-parts", List.copyOf(withPins), verdict);
    }

    /** Whether each class (by index) is one of the named classes or a subclass of one. */
    static boolean[] classMask(HeapGraph g, List<String> names) {
        boolean[] out = new boolean[g.classes().size()];
        for (HeapClass c : g.classes().all()) {
            for (String name : names) {
                out[c.index()] |= c.isSubclassOf(name);
            }
        }
        return out;
    }
}
