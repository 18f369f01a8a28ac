package dev.heapchain.analysis;

import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random heap written with the test HPROF writer: nodes with four reference fields,
 * object arrays, weak references (java.lang.ref.WeakReference.referent), cycles, self references,
 * several roots of different kinds, unreachable islands and dangling ids. Keeps the strong edges
 * it wrote (each instance's reference to its class included), so tests can check the graph
 * builder against them.
 */
final class RandomHeap {
    final long seed;
    final byte[] dump;
    /** Ids of the objects the test made, and their strong targets (excluding weak referents). */
    final List<Long> ids = new ArrayList<>();
    final List<List<Long>> strongTargets = new ArrayList<>();

    RandomHeap(long seed) {
        this.seed = seed;
        Random rnd = new Random(seed);
        DumpBuilder b = DumpBuilder.hotspot().segments(1 + rnd.nextInt(3));
        if (rnd.nextBoolean()) {
            b.shuffled(seed);
        }
        HeapClass node = b.newClass("test.Node").instanceField("a", BasicType.OBJECT).instanceField("b", BasicType.OBJECT)
                .instanceField("c", BasicType.OBJECT).instanceField("d", BasicType.OBJECT).instanceField("n", BasicType.LONG);
        HeapClass reference = b.newClass("java.lang.ref.Reference").instanceField("referent", BasicType.OBJECT)
                .instanceField("queue", BasicType.OBJECT);
        HeapClass weak = b.newClass("java.lang.ref.WeakReference").superclass(reference);
        int n = 3 + rnd.nextInt(40);
        int[] kind = new int[n];
        HeapInstance[] instances = new HeapInstance[n];
        long[] nodeIds = new long[n];
        for (int i = 0; i < n; i++) {
            kind[i] = rnd.nextInt(10) < 7 ? 0 : rnd.nextInt(2) + 1; // 0 node, 1 array, 2 weak reference
            if (kind[i] != 1) {
                instances[i] = b.newInstance(kind[i] == 0 ? node : weak);
                nodeIds[i] = instances[i].id();
            }
        }
        long dangling = b.unusedId();
        List<List<Long>> arrays = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Long> strong = new ArrayList<>();
            if (kind[i] == 0) {
                for (String f : new String[]{"a", "b", "c", "d"}) {
                    long t = pick(rnd, nodeIds, dangling, n);
                    if (t != 0) {
                        instances[i].set(f, t);
                        if (t != dangling) {
                            strong.add(t);
                        }
                    }
                }
                instances[i].set("n", (long) i);
            } else if (kind[i] == 2) {
                long referent = pick(rnd, nodeIds, dangling, n);
                long queue = pick(rnd, nodeIds, dangling, n);
                if (referent != 0) {
                    instances[i].set("referent", referent);
                }
                if (queue != 0) {
                    instances[i].set("queue", queue);
                    if (queue != dangling) {
                        strong.add(queue);
                    }
                }
            }
            if (kind[i] != 1) {
                strong.add(instances[i].classId()); // the engine's instance -> class edge
            }
            strongTargets.add(strong);
        }
        // Arrays are created last so their elements can point anywhere, themselves included.
        for (int i = 0; i < n; i++) {
            if (kind[i] == 1) {
                int len = rnd.nextInt(5);
                long[] elements = new long[len];
                List<Long> strong = strongTargets.get(i);
                for (int k = 0; k < len; k++) {
                    elements[k] = pick(rnd, nodeIds, dangling, n);
                    if (elements[k] != 0 && elements[k] != dangling) {
                        strong.add(elements[k]);
                    }
                }
                nodeIds[i] = b.objectArray(elements);
                arrays.add(strong);
            }
        }
        // Array ids were unknown while earlier objects chose targets (they saw 0): fine, such
        // references are simply null. Record ids now.
        for (int i = 0; i < n; i++) {
            ids.add(nodeIds[i]);
        }
        int roots = 1 + rnd.nextInt(4);
        int thread = b.thread("worker-" + seed);
        for (int r = 0; r < roots; r++) {
            long target = nodeIds[rnd.nextInt(n)];
            switch (rnd.nextInt(4)) {
                case 0 -> b.rootJavaFrame(target, thread, rnd.nextInt(3));
                case 1 -> b.rootJniGlobal(target, 0x1000 + r);
                case 2 -> b.rootMonitorUsed(target);
                default -> b.rootUnknown(target);
            }
            if (rnd.nextInt(5) == 0) {
                b.rootUnknown(target); // a second root on the same object
            }
        }
        this.dump = b.toBytes();
    }

    /** A target: null, dangling, or one of the nodes made so far (arrays not yet: id 0). */
    private static long pick(Random rnd, long[] ids, long dangling, int n) {
        int r = rnd.nextInt(20);
        if (r < 5) {
            return 0;
        }
        if (r == 5) {
            return dangling;
        }
        return ids[rnd.nextInt(n)];
    }
}
