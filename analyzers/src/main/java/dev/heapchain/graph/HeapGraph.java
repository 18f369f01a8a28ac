package dev.heapchain.graph;

import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofReadSummary;
import dev.heapchain.util.CharArray;
import dev.heapchain.util.IndexArray;
import dev.heapchain.util.IntArray;

/**
 * The object graph of one dump in arrays off the Java heap (no Java object per heap object, no
 * array limited to 2^31 entries): nodes are instances, arrays and class objects; references are
 * in CSR form with a 2-byte label per edge (field ordinal, array index, or a class-object link).
 * Nodes are numbered in the dump's address order, except that class objects come last when the
 * dump wrote them ahead of everything else (see {@link IdIndex}).
 * A class's static fields are edges from its class object; each instance has an edge to its class.
 */
public final class HeapGraph {
    /** Edge labels of class objects. Static field k has label k. */
    public static final char LABEL_SUPERCLASS = 0xFFFC;
    public static final char LABEL_CLASS_LOADER = 0xFFFD;
    /** An array element at index 65535 or beyond; paths print a lower bound for its index (nulls are not edges). */
    public static final char LABEL_LARGE_INDEX = 0xFFFF;
    /** classOf() has this bit set for class objects; the rest is the described class's index. */
    public static final int CLASS_OBJECT = 0x80000000;

    private final HprofFile file;
    private final HprofReadSummary summary;
    private final HeapClassTable classes;
    private final SizeModel sizeModel;
    private final IdIndex ids;
    private final IntArray classOf;
    private final SizeColumn sizes;
    private final IndexArray outStart;
    private final IntArray outTarget;
    private final CharArray outLabel;
    private final HeapRoots roots;
    private final FieldMap[] fieldMaps;
    private final GraphStats stats;
    private final CapturedFields captured;
    /** Set after construction by the one-pass build; null otherwise. */
    private Checkpoints checkpoints;
    /** The class of class objects; looked up once (null in dumps without it). */
    private final HeapClass javaLangClass;
    /** 1 for classes whose objects are instances (not arrays), by class index. */
    private final byte[] instanceClass;
    /** Node of each class's class object, by class index; -1 when the dump holds no CLASS_DUMP for it. */
    private final int[] classNode;

    HeapGraph(HprofFile file, HprofReadSummary summary, HeapClassTable classes, SizeModel sizeModel, IdIndex ids,
              IntArray classOf, SizeColumn sizes, IndexArray outStart, IntArray outTarget, CharArray outLabel,
              HeapRoots roots,
              FieldMap[] fieldMaps, GraphStats stats, CapturedFields captured) {
        this.file = file;
        this.summary = summary;
        this.classes = classes;
        this.sizeModel = sizeModel;
        this.ids = ids;
        this.classOf = classOf;
        this.sizes = sizes;
        this.outStart = outStart;
        this.outTarget = outTarget;
        this.outLabel = outLabel;
        this.roots = roots;
        this.fieldMaps = fieldMaps;
        this.stats = stats;
        this.captured = captured;
        this.javaLangClass = classes.byName("java.lang.Class");
        this.instanceClass = new byte[classes.size()];
        for (HeapClass c : classes.all()) {
            instanceClass[c.index()] = (byte) (c.isArray() ? 0 : 1);
        }
        this.classNode = new int[classes.size()];
        java.util.Arrays.fill(classNode, -1);
        for (HeapClass c : classes.all()) {
            int node = ids.indexOf(c.id());
            if (node >= 0 && (classOf.get(node) & CLASS_OBJECT) != 0) {
                classNode[c.index()] = node;
            }
        }
    }

    /**
     * The implicit reference from an instance to its class object, or -1 (arrays, class objects,
     * classes without a CLASS_DUMP). Algorithms visit it after the node's explicit edges.
     */
    public int classEdge(int node) {
        int c = classOf.get(node);
        if ((c & CLASS_OBJECT) != 0 || instanceClass[c] == 0) {
            return -1;
        }
        return classNode[c];
    }

    public HprofFile file() {
        return file;
    }

    public HprofReadSummary summary() {
        return summary;
    }

    public HeapClassTable classes() {
        return classes;
    }

    public SizeModel sizeModel() {
        return sizeModel;
    }

    public int nodeCount() {
        return (int) classOf.size();
    }

    public long edgeCount() {
        return outTarget.size();
    }

    public long id(int node) {
        return ids.idAt(node);
    }

    /** Node of an object id, or -1. */
    public int node(long id) {
        return ids.indexOf(id);
    }

    public boolean isClassObject(int node) {
        return (classOf.get(node) & CLASS_OBJECT) != 0;
    }

    /** The node's class; for a class object, java.lang.Class (see {@link #describedClass}). */
    public HeapClass classOf(int node) {
        int c = classOf.get(node);
        if ((c & CLASS_OBJECT) != 0) {
            return javaLangClass != null ? javaLangClass : classes.byIndex(c & ~CLASS_OBJECT);
        }
        return classes.byIndex(c);
    }

    /** The class a class object stands for; null for other nodes. */
    public HeapClass describedClass(int node) {
        int c = classOf.get(node);
        return (c & CLASS_OBJECT) != 0 ? classes.byIndex(c & ~CLASS_OBJECT) : null;
    }

    /** Raw class index (with {@link #CLASS_OBJECT} for class objects), for tight loops. */
    public int classIndex(int node) {
        return classOf.get(node);
    }

    public long shallowSize(int node) {
        return sizes.bytes(node);
    }

    /** The sum of all shallow sizes, in 8-byte units (every size is a multiple of 8). */
    public long totalShallowUnits() {
        return sizes.totalUnits(nodeCount());
    }

    public long outStart(int node) {
        return outStart.get(node);
    }

    public long outEnd(int node) {
        return outStart.get(node + 1L);
    }

    public int target(long edge) {
        return outTarget.get(edge);
    }

    public char label(long edge) {
        return outLabel.get(edge);
    }

    public HeapRoots roots() {
        return roots;
    }

    /** Field layout of instances of a class (by class index). */
    public FieldMap fieldMap(int classIndex) {
        return fieldMaps[classIndex];
    }

    /** Field bytes kept during the build for the classes asked for (see HeapGraphBuilder.capture). */
    public CapturedFields captured() {
        return captured;
    }

    /**
     * Lends the memory of what the dominator and path algorithms never read (the id index and the
     * edge labels) to them: the arrays go to temporary files in the dump view's temp folder until
     * {@link #restoreLookups}. Ids, node lookups and labels must not be used in between. Where no
     * file can be written, they stay.
     */
    public void spillLookups() {
        ids.spill(file().tempFolder());
        outLabel.spill(file().tempFolder());
    }

    /**
     * Moves the graph's big arrays (edges, row starts, classes, sizes; largest first) into
     * memory-mapped files until {@code need} more bytes fit the memory budget. For the dominator
     * computation and the search, whose own arrays are read at random: they should be the ones in
     * memory, while the graph's are scanned in order, or not at all for most of the time, which the
     * page cache serves well. Answers the bytes moved (0 when everything fits already).
     */
    public long makeRoom(long need) {
        record Column(long bytes, java.util.function.BooleanSupplier move) {
        }
        java.util.List<Column> columns = new java.util.ArrayList<>(java.util.List.of(
                new Column(outTarget.bytes(), outTarget::moveToFile),
                new Column(outStart.bytes(), outStart::moveToFile),
                new Column(classOf.bytes(), classOf::moveToFile),
                new Column(sizes.column().bytes(), sizes.column()::moveToFile)));
        columns.sort(java.util.Comparator.comparingLong(Column::bytes).reversed());
        long moved = 0;
        for (Column c : columns) {
            if (dev.heapchain.util.NativeMemory.used() + need <= dev.heapchain.util.NativeMemory.limit()) {
                break;
            }
            if (c.move().getAsBoolean()) {
                moved += c.bytes();
            }
        }
        return moved;
    }

    /**
     * Brings back what {@link #spillLookups} moved out, as read-only mappings of the files: the
     * reports that follow read a few ids and labels, and only those pages come into memory.
     */
    public void restoreLookups() {
        ids.mapSpilled();
        outLabel.mapSpilled();
    }

    /** Offsets to find objects again without a whole pass, or null (see {@link Checkpoints}). */
    public Checkpoints checkpoints() {
        return checkpoints;
    }

    void checkpoints(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    public GraphStats stats() {
        return stats;
    }

}
