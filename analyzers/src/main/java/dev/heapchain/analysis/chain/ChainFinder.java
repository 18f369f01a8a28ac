package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.Fields;
import dev.heapchain.graph.HeapGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Groups targets into chains: connected components over the profile's link fields (union-find). */
final class ChainFinder {
    private ChainFinder() {
    }

    /** Components of {@code targets} (node ids), each sorted ascending, largest first then by first node. */
    static List<int[]> components(HeapGraph g, int[] targets, List<String> linkFields) {
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < targets.length; i++) {
            index.put(targets[i], i);
        }
        int[] parent = new int[targets.length];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < targets.length; i++) {
            for (String field : linkFields) {
                int t = Fields.target(g, targets[i], field);
                Integer j = t < 0 ? null : index.get(t);
                if (j != null) {
                    union(parent, i, j);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < targets.length; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(targets[i]);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> members : groups.values()) {
            int[] m = members.stream().mapToInt(Integer::intValue).sorted().toArray();
            out.add(m);
        }
        out.sort((a, b) -> a.length != b.length ? Integer.compare(b.length, a.length) : Integer.compare(a[0], b[0]));
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
