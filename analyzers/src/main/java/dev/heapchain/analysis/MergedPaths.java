package dev.heapchain.analysis;

import dev.heapchain.graph.HeapGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shortest GC-root paths of many objects merged into one forest, as Eclipse MAT's "merge
 * shortest paths to GC roots" does: an object on several paths (the chain before a snapshot, the
 * registry above it) is one node, so the result grows with the number of distinct objects on the
 * paths, not with the sum of the paths' lengths. A chain of 5,000 snapshots, each reached through
 * the one before, is 5,001 nodes here where the separate paths hold 12.5 million steps.
 *
 * <p>Nodes are numbered in preorder: a parent comes before its children and a subtree is one run
 * of numbers, so readers need no recursion (chains are a million deep). Trees and children come in
 * the order of the best-ranked target reached through them; targets keep the caller's order. The
 * paths are {@link GcRootPaths}', so each target's path is the one {@link PathRenderer#pathTo} gives.
 */
public final class MergedPaths {
    /**
     * One target.
     *
     * @param node       its node, or -1 when no GC root reaches it
     * @param depth      references from its GC root (0 for a root), or -1 when unreachable
     * @param rootKind   its root's kind label; null when unreachable
     * @param rootDetail its root's thread and frame, else null
     * @param retainedBytes -1 when unreachable
     */
    public record Target(long objectId, String className, long shallowBytes, long retainedBytes, int node, int depth,
                         String rootKind, String rootDetail) {
    }

    private final long[] objectIds;
    private final String[] classNames;
    private final String[] fields;
    private final int[] parents;
    private final int[] childCounts;
    private final int[] targetOf;
    private final int[] roots;
    private final String[] rootKinds;
    private final String[] rootDetails;
    private final List<Target> targets;

    private MergedPaths(long[] objectIds, String[] classNames, String[] fields, int[] parents, int[] childCounts,
                        int[] targetOf, int[] roots, String[] rootKinds, String[] rootDetails, List<Target> targets) {
        this.objectIds = objectIds;
        this.classNames = classNames;
        this.fields = fields;
        this.parents = parents;
        this.childCounts = childCounts;
        this.targetOf = targetOf;
        this.roots = roots;
        this.rootKinds = rootKinds;
        this.rootDetails = rootDetails;
        this.targets = targets;
    }

    /** The merged paths to {@code targets} (distinct graph nodes, in the order reports list them). */
    public static MergedPaths of(PathRenderer renderer, int[] targets) {
        HeapAnalysis a = renderer.analysis();
        HeapGraph g = a.graph();
        GcRootPaths paths = a.paths();
        Forest f = Forest.build(paths, targets);
        int n = f.size;
        int[] order = f.preorder();
        int[] graphNode = new int[n];
        int[] parents = new int[n];
        int[] childCounts = new int[n];
        int[] targetOf = new int[n];
        for (int b = 0; b < n; b++) {
            int i = order[b];
            graphNode[i] = f.node[b];
            parents[i] = f.parent[b] < 0 ? -1 : order[f.parent[b]];
            childCounts[i] = f.children[b];
            targetOf[i] = f.target[b];
        }
        long[] objectIds = new long[n];
        String[] classNames = new String[n];
        String[] fields = new String[n];
        int[] depth = new int[n];
        int[] treeOf = new int[n];
        List<Integer> rootList = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int v = graphNode[i];
            int p = parents[i];
            objectIds[i] = g.id(v);
            classNames[i] = renderer.displayClass(v);
            if (p < 0) {
                treeOf[i] = rootList.size();
                rootList.add(i);
            } else {
                fields[i] = renderer.fieldName(graphNode[p], paths.edgeTo(v));
                depth[i] = depth[p] + 1;
                treeOf[i] = treeOf[p];
            }
        }
        int[] roots = rootList.stream().mapToInt(Integer::intValue).toArray();
        String[] rootKinds = new String[roots.length];
        String[] rootDetails = new String[roots.length];
        for (int r = 0; r < roots.length; r++) {
            // The path of a root is the root alone: this names its kind as every other report does.
            RootPath own = renderer.pathTo(graphNode[roots[r]]);
            rootKinds[r] = own.rootKind();
            rootDetails[r] = own.rootDetail();
        }
        int[] nodeOfTarget = new int[targets.length];
        Arrays.fill(nodeOfTarget, -1);
        for (int i = 0; i < n; i++) {
            if (targetOf[i] >= 0) {
                nodeOfTarget[targetOf[i]] = i;
            }
        }
        List<Target> out = new ArrayList<>(targets.length);
        for (int t = 0; t < targets.length; t++) {
            int v = targets[t];
            int i = nodeOfTarget[t];
            int tree = i < 0 ? -1 : treeOf[i];
            out.add(new Target(g.id(v), renderer.displayClass(v), g.shallowSize(v), i < 0 ? -1 : a.dominators().retainedSize(v),
                    i, i < 0 ? -1 : depth[i], tree < 0 ? null : rootKinds[tree], tree < 0 ? null : rootDetails[tree]));
        }
        return new MergedPaths(objectIds, classNames, fields, parents, childCounts, targetOf, roots, rootKinds,
                rootDetails, List.copyOf(out));
    }

    /** Number of nodes: distinct objects on the paths. */
    public int size() {
        return objectIds.length;
    }

    public long objectId(int node) {
        return objectIds[node];
    }

    /** In source form, {@code class Foo} for class objects. */
    public String className(int node) {
        return classNames[node];
    }

    /** How the parent references this node ({@code prev}, {@code [3]}); null for a root. */
    public String field(int node) {
        return fields[node];
    }

    /** The parent node, a smaller number; -1 for a GC root. */
    public int parent(int node) {
        return parents[node];
    }

    public int childCount(int node) {
        return childCounts[node];
    }

    /** The index in {@link #targets()} of the target this node is, or -1. */
    public int target(int node) {
        return targetOf[node];
    }

    /** Number of trees, one per GC-root object. */
    public int rootCount() {
        return roots.length;
    }

    /** The node of tree {@code r}'s GC root. */
    public int root(int r) {
        return roots[r];
    }

    public String rootKind(int r) {
        return rootKinds[r];
    }

    /** Thread and frame of thread-bound roots, else null. */
    public String rootDetail(int r) {
        return rootDetails[r];
    }

    /** In the caller's order. */
    public List<Target> targets() {
        return targets;
    }

    /** The forest in the order nodes are first met, with child counts and sibling links. */
    private static final class Forest {
        int size;
        int[] node = new int[16];
        int[] parent = new int[16];
        int[] target = new int[16];
        int[] children = new int[16];
        int[] firstChild = new int[16];
        int[] lastChild = new int[16];
        int[] nextSibling = new int[16];
        final NodeIndex index = new NodeIndex();

        static Forest build(GcRootPaths paths, int[] targets) {
            Forest f = new Forest();
            int[] pending = new int[16];
            for (int t = 0; t < targets.length; t++) {
                if (!paths.isReachable(targets[t])) {
                    continue;
                }
                // Walk up to the first object already in the forest (or to the root), then add
                // the objects passed on the way top-down: each step of each path is looked at once.
                int count = 0;
                int attach = -1;
                for (int v = targets[t]; v >= 0; v = paths.isRoot(v) ? -1 : paths.parent(v)) {
                    int known = f.index.get(v);
                    if (known >= 0) {
                        attach = known;
                        break;
                    }
                    if (count == pending.length) {
                        pending = Arrays.copyOf(pending, count * 2);
                    }
                    pending[count++] = v;
                }
                while (count > 0) {
                    attach = f.add(pending[--count], attach);
                }
                f.target[attach] = t;
            }
            return f;
        }

        int add(int v, int parentIndex) {
            if (size == node.length) {
                int cap = size * 2;
                node = Arrays.copyOf(node, cap);
                parent = Arrays.copyOf(parent, cap);
                target = Arrays.copyOf(target, cap);
                children = Arrays.copyOf(children, cap);
                firstChild = Arrays.copyOf(firstChild, cap);
                lastChild = Arrays.copyOf(lastChild, cap);
                nextSibling = Arrays.copyOf(nextSibling, cap);
            }
            int b = size++;
            node[b] = v;
            parent[b] = parentIndex;
            target[b] = -1;
            firstChild[b] = -1;
            lastChild[b] = -1;
            nextSibling[b] = -1;
            if (parentIndex >= 0) {
                if (lastChild[parentIndex] < 0) {
                    firstChild[parentIndex] = b;
                } else {
                    nextSibling[lastChild[parentIndex]] = b;
                }
                lastChild[parentIndex] = b;
                children[parentIndex]++;
            }
            index.put(v, b);
            return b;
        }

        /** The preorder number of each node: trees in the order met, children likewise; no stack. */
        int[] preorder() {
            int[] order = new int[size];
            int next = 0;
            for (int r = 0; r < size; r++) {
                if (parent[r] >= 0) {
                    continue;
                }
                int u = r;
                while (true) {
                    order[u] = next++;
                    if (firstChild[u] >= 0) {
                        u = firstChild[u];
                        continue;
                    }
                    while (u != r && nextSibling[u] < 0) {
                        u = parent[u];
                    }
                    if (u == r) {
                        break;
                    }
                    u = nextSibling[u];
                }
            }
            return order;
        }
    }
}
