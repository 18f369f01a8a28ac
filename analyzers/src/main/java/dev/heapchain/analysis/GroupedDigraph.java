package dev.heapchain.analysis;

import java.util.Arrays;

/**
 * The heap graph with one extra node per group: every reference to a member goes to its group
 * node instead, and the group node references its members. Removing a group node then removes
 * exactly the paths through the group, so the group node's dominator subtree is what the group
 * retains as a whole, even where no single member dominates it. One dominator run answers every
 * group of a partition at once.
 */
final class GroupedDigraph implements Digraph {
    private final Digraph base;
    private final int baseNodes;
    private final int baseEdges;
    private final int[] groupOf;
    private final int[] memberStart;
    private final int[] members;
    private final int[] roots;

    /** @param groupOf group of each base node, or -1; groups are 0..groups-1 */
    GroupedDigraph(Digraph base, int baseEdges, int[] groupOf, int groups) {
        this.base = base;
        this.baseNodes = base.nodeCount();
        this.baseEdges = baseEdges;
        this.groupOf = groupOf;
        this.memberStart = new int[groups + 1];
        for (int g : groupOf) {
            if (g >= 0) {
                memberStart[g + 1]++;
            }
        }
        for (int g = 0; g < groups; g++) {
            memberStart[g + 1] += memberStart[g];
        }
        this.members = new int[memberStart[groups]];
        int[] fill = Arrays.copyOf(memberStart, groups);
        for (int v = 0; v < groupOf.length; v++) {
            if (groupOf[v] >= 0) {
                members[fill[groupOf[v]]++] = v;
            }
        }
        int[] r = base.roots();
        int[] mapped = new int[r.length];
        for (int i = 0; i < r.length; i++) {
            mapped[i] = redirect(r[i]);
        }
        Arrays.sort(mapped);
        int w = 0;
        for (int i = 0; i < mapped.length; i++) {
            if (i == 0 || mapped[i] != mapped[i - 1]) {
                mapped[w++] = mapped[i];
            }
        }
        this.roots = Arrays.copyOf(mapped, w);
    }

    private int redirect(int t) {
        int g = groupOf[t];
        return g < 0 ? t : baseNodes + g;
    }

    /** Node index of group g. */
    int groupNode(int g) {
        return baseNodes + g;
    }

    @Override
    public int nodeCount() {
        return baseNodes + memberStart.length - 1;
    }

    @Override
    public int[] roots() {
        return roots;
    }

    @Override
    public int edgeStart(int v) {
        return v < baseNodes ? base.edgeStart(v) : baseEdges + memberStart[v - baseNodes];
    }

    @Override
    public int edgeEnd(int v) {
        return v < baseNodes ? base.edgeEnd(v) : baseEdges + memberStart[v - baseNodes + 1];
    }

    @Override
    public int target(int edge) {
        return edge < baseEdges ? redirect(base.target(edge)) : members[edge - baseEdges];
    }

    @Override
    public long size(int v) {
        return v < baseNodes ? base.size(v) : 0;
    }
}
