package dev.heapchain.analysis.chain;

import dev.heapchain.graph.FieldMap;
import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.graph.PlatformClasses;
import dev.heapchain.hprof.HprofBasicType;

/** Class-table facts for the scan, by class index and by field slot (class base + ordinal). */
final class DiscoveryHierarchy {
    final int[] superOf;
    final int[] fieldCount;
    final int[] slotBase;
    /** Declaring class of each link-field slot; -1 for numbers and for fields the platform declares. */
    final int[] slotOwner;
    final boolean[] scanned;

    DiscoveryHierarchy(HeapGraph g) {
        int n = g.classes().size();
        superOf = new int[n];
        fieldCount = new int[n];
        slotBase = new int[n + 1];
        scanned = new boolean[n];
        for (HeapClass c : g.classes().all()) {
            superOf[c.index()] = c.superclass() == null ? -1 : c.superclass().index();
            fieldCount[c.index()] = g.fieldMap(c.index()).fieldCount();
        }
        for (int c = 0; c < n; c++) {
            slotBase[c + 1] = slotBase[c] + fieldCount[c];
        }
        slotOwner = new int[slotBase[n]];
        for (HeapClass c : g.classes().all()) {
            FieldMap map = g.fieldMap(c.index());
            boolean number = false;
            boolean link = false;
            for (int o = 0; o < map.fieldCount(); o++) {
                HeapClass owner = map.owner(o);
                boolean candidate = map.type(o) == HprofBasicType.OBJECT && !PlatformClasses.is(owner.name());
                slotOwner[slotBase[c.index()] + o] = candidate ? owner.index() : -1;
                number |= ChainDiscovery.isNumber(map.type(o));
                link |= candidate;
            }
            scanned[c.index()] = !c.isArray() && number && link;
        }
    }

    boolean isSubclass(int c, int ancestor) {
        for (int k = c; k >= 0; k = superOf[k]) {
            if (k == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The most specific class both are (or inherit from); {@code fallback} when the hierarchy is broken. */
    int commonSuperclass(int a, int b, int fallback) {
        for (int k = a; k >= 0; k = superOf[k]) {
            if (isSubclass(b, k)) {
                return k;
            }
        }
        return fallback;
    }
}
