package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;
import dev.heapchain.hprof.HprofClassDump;
import dev.heapchain.hprof.HprofInput;
import dev.heapchain.hprof.HprofVisitor;
import dev.heapchain.util.CharList;
import dev.heapchain.util.IntList;
import dev.heapchain.util.ProgressMeter;

/**
 * Second pass: the references of every object, resolved to node indices, appended row by row
 * in stream order. Objects arrive in the same order as in the first pass, so a counter maps each
 * record to its node.
 */
final class EdgePass implements HprofVisitor {
    /** Publishes how far the pass has got; null when nobody is watching. */
    private final ProgressMeter meter;
    private final IdIndex ids;
    private final int[] streamToNode;
    private final int[] classOf;
    private final FieldMap[] fieldMaps;
    private final boolean keepWeak;
    private final int idSize;
    /** Classes (by index) whose instances' field bytes are kept; null for none. */
    private final boolean[] capture;
    private final IntList rowStart = new IntList();
    private final IntList targets = new IntList();
    private final CharList labels = new CharList();
    private final CapturedFields.Builder captured = new CapturedFields.Builder();
    private long dangling;
    private long weakSkipped;
    private int stream;

    /**
     * What the pass read: rows in stream order.
     *
     * @param rowStart    each record's first reference (a record the first pass dropped has an empty row)
     * @param dangling    references to ids the dump does not hold, left out
     * @param weakSkipped Reference.referent edges left out
     */
    record Result(IntList rowStart, IntList targets, CharList labels, CapturedFields captured, long dangling,
                  long weakSkipped) {
    }

    /**
     * @param streamToNode node of each record, -1 for a duplicate the first pass dropped; null when the same
     * @param capture      classes (by index) whose instances' field bytes are kept; null for none
     * @param meter        how far the pass has got goes there; null for nobody
     */
    EdgePass(IdIndex ids, int[] streamToNode, int[] classOf, FieldMap[] fieldMaps, boolean keepWeak, int idSize,
             boolean[] capture, ProgressMeter meter) {
        this.ids = ids;
        this.streamToNode = streamToNode;
        this.classOf = classOf;
        this.fieldMaps = fieldMaps;
        this.keepWeak = keepWeak;
        this.idSize = idSize;
        this.capture = capture;
        this.meter = meter;
    }

    private void progressed(long offset) {
        if (meter != null) {
            meter.tick(offset);
        }
    }

    /** Call after the pass. */
    Result result() {
        return new Result(rowStart, targets, labels, captured.build(), dangling, weakSkipped);
    }

    /** Node of the current record, or -1 for a duplicate the first pass dropped. */
    private int beginRow() {
        int s = stream++;
        rowStart.add((int) targets.size());
        return streamToNode == null ? s : streamToNode[s];
    }

    private void edge(long id, int label) {
        if (id == 0) {
            return;
        }
        int t = ids.indexOf(id);
        if (t < 0) {
            dangling++;
            return;
        }
        targets.add(t);
        labels.add((char) label);
    }

    @Override
    public void instanceDump(long objectId, long classId, HprofInput in, int length, long offset) {
        progressed(offset);
        int node = beginRow();
        if (node < 0) {
            return;
        }
        int c = classOf[node];
        FieldMap map = c >= 0 ? fieldMaps[c] : null;
        if (map == null) {
            return;
        }
        if (capture != null && capture[c]) {
            captured.add(node, in.buffer(), in.bufferOffset(), length);
        }
        int weak = keepWeak ? -1 : map.weakReferentOrdinal();
        for (int ordinal : map.referenceOrdinals()) {
            int at = map.offset(ordinal);
            if (at + idSize > length) {
                break; // a record shorter than its class says: read what is there
            }
            if (ordinal == weak) {
                if (in.idAt(at) != 0) {
                    weakSkipped++;
                }
                continue;
            }
            edge(in.idAt(at), ordinal);
        }
    }

    @Override
    public void objectArrayDump(long arrayId, long arrayClassId, int length, HprofInput in, long offset) {
        progressed(offset);
        int node = beginRow();
        if (node < 0) {
            return;
        }
        for (int i = 0; i < length; i++) {
            edge(in.id(), Math.min(i, HeapGraph.LABEL_LARGE_INDEX));
        }
    }

    @Override
    public void primitiveArrayDump(long arrayId, HprofBasicType type, int length, boolean hasData, HprofInput in,
                                   long offset) {
        beginRow();
    }

    @Override
    public void classDump(HprofClassDump dump) {
        int node = beginRow();
        if (node < 0) {
            return;
        }
        for (int i = 0; i < dump.staticFields().size(); i++) {
            HprofClassDump.StaticField f = dump.staticFields().get(i);
            if (f.type() == HprofBasicType.OBJECT) {
                edge(f.value(), Math.min(i, HeapGraph.LABEL_SUPERCLASS - 1));
            }
        }
        edge(dump.superclassId(), HeapGraph.LABEL_SUPERCLASS);
        edge(dump.classLoaderId(), HeapGraph.LABEL_CLASS_LOADER);
    }
}
