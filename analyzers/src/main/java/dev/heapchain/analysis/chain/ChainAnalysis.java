package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.RootPath;
import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;

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
        boolean[] targetClasses = classMask(g, profile.targetClasses());
        dev.heapchain.util.IntList found = new dev.heapchain.util.IntList();
        long unreachable = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            if (!g.isClassObject(v) && targetClasses[g.classIndex(v)]) {
                if (a.dominators().isReachable(v)) {
                    found.add(v);
                } else {
                    unreachable++;
                }
            }
        }
        int[] all = found.toArray();
        NumberReader numbers = new NumberReader(g);
        NumberReader.Slot[] slots = new NumberReader.Slot[all.length];
        for (int i = 0; i < all.length; i++) {
            slots[i] = numbers.request(all[i], profile.epochField());
        }
        Bookkeeping book = profile.bookkeeping() == null ? null : new Bookkeeping(a, profile.bookkeeping(), numbers);
        numbers.read();
        Epochs epochs = new Epochs(all.length);
        Set<Long> sentinels = new HashSet<>(profile.sentinelEpochs());
        for (int i = 0; i < all.length; i++) {
            Long e = numbers.value(slots[i]);
            epochs.put(all[i], e, e != null && sentinels.contains(e));
        }

        Containers containers = new Containers(a, profile.container());
        List<ChainReport.Chain> chains = new ArrayList<>();
        List<int[]> components = ChainFinder.components(g, all, profile.linkFields());
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
        for (PinFinder.Target t : pinTargets) {
            for (int m : t.members()) {
                chainOf.put(m, t.chain());
            }
        }
        EpochStatsBuilder.Result epochStats = EpochStatsBuilder.build(a, epochs, chainOf);
        List<List<ChainReport.Pin>> pins = PinFinder.direct(a, pinTargets, chains.size());
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

    /** Reachable instances of the named classes (and subclasses), ascending; one scan, no boxing. */
    static int[] reachableInstances(HeapAnalysis a, List<String> names) {
        HeapGraph g = a.graph();
        boolean[] mask = classMask(g, names);
        dev.heapchain.util.IntList out = new dev.heapchain.util.IntList();
        for (int v = 0; v < g.nodeCount(); v++) {
            if (!g.isClassObject(v) && mask[g.classIndex(v)] && a.dominators().isReachable(v)) {
                out.add(v);
            }
        }
        return out.toArray();
    }
}
