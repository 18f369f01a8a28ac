package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.DominatorTree;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.graph.HeapGraph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who owns a chain: an instance of a container class that references a member through a container
 * field (the registry's {@code head}), else the nearest container-class object above the chain in
 * the dominator tree, else (no container classes in the profile) the chain's nearest common
 * dominator. When an outside object pins a snapshot the chain has no common dominator below the
 * GC roots, so the search starts from the newest snapshot instead: new snapshots are added at
 * that end, by the owner.
 */
final class Containers {
    private final HeapAnalysis a;
    private final HeapGraph g;
    private final Profile.Container profile;
    private final int[] instances;
    private final boolean[] classes;
    /** No container classes in the profile: the chain's nearest common dominator owns it. */
    private final boolean anyOwner;

    /**
     * @param classes   the profile's container classes and their subclasses, by class index
     * @param instances the reachable instances of those classes, ascending
     */
    Containers(HeapAnalysis a, Profile.Container profile, boolean[] classes, int[] instances) {
        this.a = a;
        this.g = a.graph();
        this.profile = profile;
        List<String> names = profile == null || profile.classes() == null ? List.of() : profile.classes();
        this.classes = classes;
        this.anyOwner = names.isEmpty();
        this.instances = instances;
    }

    /** The owner of a chain, or -1; {@code newest} is the member with the highest epoch. */
    int of(int[] members, int newest) {
        Set<Integer> set = new HashSet<>();
        for (int m : members) {
            set.add(m);
        }
        for (int c : instances) {
            for (long e = g.outStart(c); e < g.outEnd(c); e++) {
                if (set.contains(g.target(e)) && ownsThrough(c, e)) {
                    return c;
                }
            }
        }
        int lca = commonDominator(members);
        if (lca < 0) {
            lca = newest;
        }
        for (int v = lca; v >= 0; v = a.dominators().immediateDominator(v)) {
            if (anyOwner && !set.contains(v)) {
                return v;
            }
            if (!g.isClassObject(v) && classes[g.classIndex(v)]) {
                return v;
            }
        }
        return -1;
    }

    private boolean ownsThrough(int container, long edge) {
        if (profile.fields().isEmpty()) {
            return true;
        }
        int ordinal = g.label(edge);
        var map = g.fieldMap(g.classIndex(container));
        return ordinal < map.fieldCount() && profile.fields().contains(map.name(ordinal));
    }

    private int commonDominator(int[] members) {
        DominatorTree d = a.dominators();
        int lca = members[0];
        for (int i = 1; i < members.length && lca >= 0; i++) {
            int m = members[i];
            while (lca >= 0 && !a.dominates(lca, m)) {
                lca = d.immediateDominator(lca);
            }
        }
        return lca;
    }
}
