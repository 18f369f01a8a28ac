package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.analysis.RootPath;
import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.util.IntList;
import dev.heapchain.util.Tasks;
import dev.heapchain.util.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Finds snapshot chains in an analysed heap: the profile's target objects, their epochs, the chains
 * they form over the link fields, what each chain and each epoch retains, who owns each chain and
 * its trim watermark, what pins it, and the verdict ({@link Verdicts}).
 */
public final class ChainAnalysis {
    /** Classes listed by discovery when the profile does not apply. */
    static final int DISCOVERED_SHOWN = 10;

    private ChainAnalysis() {
    }

    /** @param paths the analysis to read, and how its paths are shown */
    public static ChainReport run(PathRenderer paths, Profile profile, int maxSnapshots) {
        HeapAnalysis a = paths.analysis();
        HeapGraph g = a.graph();
        // One scan over all objects finds the targets and the instances the bookkeeping, container
        // and owner rules look at (each scan of 15 M objects costs ~0.05 s).
        List<String> bookClasses = profile.bookkeeping() == null ? List.of() : profile.bookkeeping().classes();
        List<String> containerClasses = profile.container() == null || profile.container().classes() == null
                ? List.of() : profile.container().classes();
        boolean[] targetClasses = classMask(g, profile.targetClasses());
        boolean[] bookMask = classMask(g, bookClasses);
        boolean[] containerMask = classMask(g, containerClasses);
        boolean[] ownerMask = classMask(g, profile.owners().stream().map(Profile.Owner::className).toList());
        IntList found = new IntList();
        IntList bookInstances = new IntList();
        IntList containerInstances = new IntList();
        IntList ownerInstances = new IntList();
        long unreachable = 0;
        for (int v = 0, n = g.nodeCount(); v < n; v++) {
            int c = g.classIndex(v); // negative for class objects
            if (c < 0 || !(targetClasses[c] || bookMask[c] || containerMask[c] || ownerMask[c])) {
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
            if (reachable && ownerMask[c]) {
                ownerInstances.add(v);
            }
        }
        boolean present = found.size() > 0 || unreachable > 0;
        int[] all = found.toArray();
        NumberReader numbers = new NumberReader(g);
        NumberReader.Slot[] slots = new NumberReader.Slot[all.length];
        for (int i = 0; i < all.length; i++) {
            slots[i] = numbers.request(all[i], profile.epochField());
        }
        Bookkeeping book = profile.bookkeeping() == null ? null
                : new Bookkeeping(paths, profile.bookkeeping(), bookInstances.toArray(), numbers);
        Owners owners = new Owners(paths, profile.owners(), ownerInstances.toArray(), numbers);
        numbers.read();
        owners.readDetails();
        Trace.mark("chain: numbers read");
        Epochs epochs = new Epochs(all.length);
        Set<Long> sentinels = new HashSet<>(profile.sentinelEpochs());
        for (int i = 0; i < all.length; i++) {
            Long e = numbers.value(slots[i]);
            epochs.put(all[i], e, e != null && sentinels.contains(e));
        }

        Containers containers = new Containers(a, profile.container(), containerMask, containerInstances.toArray());
        List<Draft> drafts = new ArrayList<>();
        List<int[]> components = ChainFinder.components(g, all, profile.linkFields());
        Trace.mark("chain: components");
        for (int[] members : components) {
            int[] snapshots = Arrays.stream(members).filter(epochs::counts).toArray();
            if (snapshots.length == 0) {
                continue;
            }
            drafts.add(draft(paths, members, snapshots, epochs, containers, owners, book));
        }
        Identities.assign(drafts);
        trimsUnderWay(a, drafts);
        List<PinFinder.Target> pinTargets = new ArrayList<>();
        Map<Integer, Integer> chainOf = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            pinTargets.add(new PinFinder.Target(i, d.members, d.oldest, d.container));
            for (int m : d.members) {
                chainOf.put(m, i);
            }
        }
        Trace.mark("chain: chains (retained, paths)");
        // The pin scan reads every reference; it runs on the other core beside the epoch statistics.
        CompletableFuture<List<List<ChainReport.Pin>>> directPins =
                Tasks.start(() -> PinFinder.direct(paths, pinTargets, drafts.size()));
        Map<String, EpochStatsBuilder.Result> epochsByGroup;
        try {
            epochsByGroup = epochStats(a, drafts, epochs, chainOf);
        } catch (RuntimeException | Error e) {
            directPins.exceptionally(x -> null).join();
            throw e;
        }
        Trace.mark("chain: epoch stats");
        List<List<ChainReport.Pin>> pins = Tasks.join(directPins);
        if (book != null) {
            book.pins(drafts.stream().map(d -> d.minEpoch).toList(), pinTargets, pins);
        }
        List<ChainReport.Chain> chains = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            chains.add(drafts.get(i).finish(List.copyOf(pins.get(i)), maxSnapshots));
        }
        chains.sort(WORST_FIRST);
        List<ChainReport.Group> groups = groups(chains, epochsByGroup);
        List<Verdicts.Reason> reasons = new ArrayList<>();
        chains.forEach(c -> reasons.addAll(c.reasons()));
        Verdicts.Outcome outcome = present ? Verdicts.outcome(reasons) : Verdicts.Outcome.NOT_APPLICABLE;
        List<ChainDiscovery.Candidate> discovered = present ? List.of() : ChainDiscovery.find(a, DISCOVERED_SHOWN);
        Trace.mark("chain: verdict");
        boolean allSets = epochsByGroup.values().stream().allMatch(r -> r.basis() == EpochStatsBuilder.Basis.SET);
        return new ChainReport(profile, maxSnapshots, present, epochs.counted(), epochs.sentinels(), unreachable,
                groups, allSets ? "set" : "sum-of-chain-parts", List.copyOf(chains),
                new ChainReport.Verdict(outcome, List.copyOf(reasons)), discovered);
    }

    /** Worst outcome first, then largest retained, then oldest epoch, then identity: one order everywhere. */
    static final Comparator<ChainReport.Chain> WORST_FIRST = Comparator
            .comparing(ChainReport.Chain::outcome, Comparator.reverseOrder())
            .thenComparing(Comparator.comparingLong(ChainReport.Chain::retainedBytes).reversed())
            .thenComparingLong(ChainReport.Chain::minEpoch)
            .thenComparing(ChainReport.Chain::identity);

    private static Draft draft(PathRenderer paths, int[] members, int[] snapshots, Epochs epochs, Containers containers,
                               Owners owners, Bookkeeping book) {
        HeapAnalysis a = paths.analysis();
        HeapGraph g = a.graph();
        int oldest = snapshots[0];
        int newest = snapshots[0];
        for (int v : snapshots) {
            long e = epochs.epoch(v);
            if (e < epochs.epoch(oldest) || e == epochs.epoch(oldest) && g.id(v) < g.id(oldest)) {
                oldest = v;
            }
            if (e > epochs.epoch(newest) || e == epochs.epoch(newest) && g.id(v) < g.id(newest)) {
                newest = v;
            }
        }
        int container = containers.of(members, newest);
        Draft d = new Draft();
        d.members = members;
        d.snapshots = snapshots;
        d.oldest = oldest;
        d.container = container;
        d.minEpoch = epochs.epoch(oldest);
        d.maxEpoch = epochs.epoch(newest);
        d.retained = a.retainedSizeOfSet(snapshots);
        d.toContainer = container >= 0 ? paths.pathTo(container) : null;
        d.toOldest = paths.pathTo(oldest);
        d.containerId = container >= 0 ? g.id(container) : null;
        d.containerClass = container >= 0 ? paths.displayClass(container) : null;
        d.oldestId = g.id(oldest);
        d.oldestClass = paths.displayClass(oldest);
        Owners.Found owner = container >= 0 ? owners.of(container) : null;
        d.owner = owner != null ? owner.owner() : Owners.fromPath(d.toContainer, d.oldestClass);
        d.toOwner = owner != null ? paths.pathTo(owner.node()) : null;
        d.rule = owner != null && owner.rule().watermark() != null ? owner.rule() : null;
        Long value = null;
        String field = null;
        boolean head = false;
        if (owner != null && owner.watermarkField() != null) {
            value = owner.watermark();
            field = owner.watermarkField();
        } else if (owner != null && owner.rule().watermark() != null && owner.rule().watermark().liveEpochsHead()
                && book != null) {
            value = book.headOf(container);
            field = book.liveEpochsField() + "[0]";
            head = true;
        }
        if (value != null) {
            long below = 0;
            long above = 0;
            for (int v : snapshots) {
                long e = epochs.epoch(v);
                below += e < value ? 1 : 0;
                above += e > value ? 1 : 0;
            }
            d.watermark = new Verdicts.Watermark(field, head, value, below, above, owner.written());
        }
        return d;
    }

    /** For chains with snapshots below their watermark: whether a thread was inside one of the owner's trim methods. */
    private static void trimsUnderWay(HeapAnalysis a, List<Draft> drafts) {
        Set<String> methods = new java.util.TreeSet<>();
        for (Draft d : drafts) {
            if (d.watermark != null && d.watermark.below() > 0 && d.rule != null) {
                methods.addAll(d.rule.watermark().trimMethods());
            }
        }
        if (methods.isEmpty()) {
            return;
        }
        Map<String, List<String>> threads = TrimThreads.in(a.reads(), methods);
        for (Draft d : drafts) {
            if (d.watermark == null || d.watermark.below() == 0 || d.rule == null) {
                continue;
            }
            for (String m : d.rule.watermark().trimMethods()) {
                List<String> in = threads.get(m);
                if (in != null) {
                    d.trimming = String.join(", ", in) + " was inside " + Identities.simpleName(m.substring(0, m.lastIndexOf('.')))
                            + m.substring(m.lastIndexOf('.'));
                    break;
                }
            }
        }
    }

    /** Epoch statistics per owner group: each group's epochs are its own space. */
    private static Map<String, EpochStatsBuilder.Result> epochStats(HeapAnalysis a, List<Draft> drafts, Epochs epochs,
                                                                    Map<Integer, Integer> chainOf) {
        Map<String, Map<Integer, Long>> byGroup = new LinkedHashMap<>();
        for (Draft d : drafts) {
            Map<Integer, Long> nodes = byGroup.computeIfAbsent(d.owner.label(), k -> new HashMap<>());
            for (int v : d.snapshots) {
                nodes.put(v, epochs.epoch(v));
            }
        }
        Map<String, EpochStatsBuilder.Result> out = new HashMap<>();
        byGroup.forEach((label, nodes) -> out.put(label, EpochStatsBuilder.build(a, nodes, chainOf)));
        return out;
    }

    private static List<ChainReport.Group> groups(List<ChainReport.Chain> chains, Map<String, EpochStatsBuilder.Result> epochs) {
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < chains.size(); i++) {
            members.computeIfAbsent(chains.get(i).owner().label(), k -> new ArrayList<>()).add(i);
        }
        List<ChainReport.Group> out = new ArrayList<>();
        members.forEach((label, indices) -> {
            long snapshots = 0;
            long retained = 0;
            Verdicts.Outcome worst = Verdicts.Outcome.NO_LEAK;
            for (int i : indices) {
                ChainReport.Chain c = chains.get(i);
                snapshots += c.length();
                retained += c.retainedBytes();
                worst = Verdicts.Outcome.worse(worst, c.outcome());
            }
            out.add(new ChainReport.Group(label, List.copyOf(indices), snapshots, retained, worst, epochs.get(label).epochs()));
        });
        out.sort(Comparator.comparing(ChainReport.Group::outcome, Comparator.reverseOrder())
                .thenComparing(Comparator.comparingLong(ChainReport.Group::retainedBytes).reversed())
                .thenComparing(ChainReport.Group::label));
        return List.copyOf(out);
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

    /** A chain before its pins and verdict are known. */
    static final class Draft {
        int[] members;
        int[] snapshots;
        int oldest;
        int container;
        long minEpoch;
        long maxEpoch;
        long retained;
        RootPath toContainer;
        RootPath toOldest;
        RootPath toOwner;
        Long containerId;
        String containerClass;
        long oldestId;
        String oldestClass;
        ChainReport.Owner owner;
        Verdicts.Watermark watermark;
        /** The owner rule, when it names a watermark. */
        Profile.Owner rule;
        /** Which thread was trimming when the dump was taken, or null. */
        String trimming;
        String identity;

        /** The path that tells apart chains whose owners share a name: to the owner, else the container. */
        RootPath identifyingPath() {
            return toOwner != null ? toOwner : toContainer != null ? toContainer : toOldest;
        }

        ChainReport.Chain finish(List<ChainReport.Pin> pins, int maxSnapshots) {
            List<Verdicts.PinEvidence> evidence = pins.stream().map(p -> new Verdicts.PinEvidence(p.kind(), p.explanation())).toList();
            List<Verdicts.Reason> reasons = Verdicts.of(new Verdicts.Evidence(identity, snapshots.length, minEpoch, maxEpoch,
                    evidence, watermark, trimming), maxSnapshots);
            String rootKind = (toContainer != null ? toContainer : toOldest).rootKind();
            return new ChainReport.Chain(identity, owner, containerId, containerClass, snapshots.length, minEpoch, maxEpoch,
                    retained, oldestId, oldestClass, rootKind, toContainer, toOldest, pins, watermark,
                    Verdicts.outcome(reasons), reasons);
        }
    }
}
