package dev.heapchain.hprof.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds a whole dump in memory: names, LOAD_CLASS, FRAME/TRACE, class dumps, objects and roots.
 * Defaults follow HotSpot (JAVA PROFILE 1.0.2, 8-byte ids, internal class names, core classes).
 * Options must be set before the first class or object is created.
 */
public final class DumpBuilder {
    private static final int STACK = DumpModel.DUMMY_TRACE_SERIAL;
    private final DumpOptions opts = new DumpOptions();
    private final Map<String, HeapClass> wellKnown = new HashMap<>();
    private final Map<Integer, HeapInstance> threads = new HashMap<>();
    private DumpModel model;

    /** HotSpot defaults. */
    public static DumpBuilder hotspot() {
        return new DumpBuilder();
    }

    /** AOSP defaults: JAVA PROFILE 1.0.3, 4-byte ids, dotted names. */
    public static DumpBuilder android() {
        return new DumpBuilder().version(HprofVersion.ANDROID_1_0_3).idSize(4)
                .naming(ClassNaming.DOTTED);
    }

    public DumpBuilder version(HprofVersion v) {
        configurable().version = v;
        return this;
    }

    public DumpBuilder idSize(int size) {
        new ByteSink(size); // validates
        configurable().idSize = size;
        return this;
    }

    public DumpBuilder naming(ClassNaming n) {
        configurable().naming = n;
        return this;
    }

    public DumpBuilder timestampMillis(long millis) {
        configurable().timestampMillis = millis;
        return this;
    }

    /** Declares Object, Class, String and array classes only when something needs them. */
    public DumpBuilder withoutCoreClasses() {
        configurable().coreClasses = false;
        return this;
    }

    /** Strings as before JDK 9: {@code char[] value, int hash}, no coder. */
    public DumpBuilder jdk8Strings() {
        configurable().jdk8Strings = true;
        return this;
    }

    /** One HEAP_DUMP (0x0C) record per dump instead of HEAP_DUMP_SEGMENTs. */
    public DumpBuilder singleHeapDump() {
        configurable().singleHeapDump = true;
        return this;
    }

    /** Exactly {@code n} HEAP_DUMP_SEGMENTs per dump, sub-records spread evenly (some may be empty). */
    public DumpBuilder segments(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("segments: " + n);
        }
        configurable().segments = n;
        opts.singleHeapDump = false;
        return this;
    }

    /**
     * Shuffles each dump's sub-records before splitting, so instances may precede their class
     * dump and roots follow objects, as with the parallel segment writers of current JDKs.
     */
    public DumpBuilder shuffled(long seed) {
        configurable().shuffleSeed = seed;
        return this;
    }

    /** Whether each dump ends with HEAP_DUMP_END (default yes). */
    public DumpBuilder heapDumpEnd(boolean write) {
        configurable().heapDumpEnd = write;
        return this;
    }

    public int idSize() {
        return opts.idSize;
    }

    /** {@code name} in either spelling, converted to this builder's {@link ClassNaming}. */
    public String className(String name) {
        return opts.naming.className(name);
    }

    // ---- classes ----

    /** Superclass defaults to java.lang.Object (none without core classes). */
    public HeapClass newClass(String name) {
        return newClass(name, model().allocate(0x80));
    }

    public HeapClass newClass(String name, long id) {
        String n = className(name);
        return declare(HprofWriter.modifiedUtf8(n), n, id);
    }

    /** Name bytes written as-is, e.g. invalid UTF-8. */
    public HeapClass newClassRawName(byte[] nameBytes) {
        return declare(nameBytes.clone(), new String(nameBytes, StandardCharsets.ISO_8859_1),
                model().allocate(0x80));
    }

    public HeapClass objectClass() {
        return wellKnown("java/lang/Object", c -> c.superclassId(0));
    }

    public HeapClass classClass() {
        return wellKnown("java/lang/Class", c -> { });
    }

    public HeapClass stringClass() {
        return wellKnown("java/lang/String", c -> {
            c.instanceField("value", BasicType.OBJECT);
            if (!opts.jdk8Strings) {
                c.instanceField("coder", BasicType.BYTE);
            }
            c.instanceField("hash", BasicType.INT);
        });
    }

    public HeapClass threadClass() {
        return wellKnown("java/lang/Thread", c -> c.instanceField("name", BasicType.OBJECT));
    }

    public HeapClass objectArrayClass() {
        return wellKnown("[Ljava/lang/Object;", c -> { });
    }

    public HeapClass primitiveArrayClass(BasicType type) {
        return type == BasicType.OBJECT ? objectArrayClass()
                : wellKnown("[" + type.descriptor(), c -> { });
    }

    /** Adds an UNLOAD_CLASS record after the dumps. */
    public DumpBuilder unloadClass(HeapClass c) {
        model().unloadedSerials.add(c.serial());
        return this;
    }

    // ---- objects ----

    public HeapInstance newInstance(HeapClass cls) {
        return newInstanceOfClassId(cls.id());
    }

    public HeapInstance newInstance(HeapClass cls, long id) {
        return instance(id, cls.id());
    }

    /** The class id need not exist: that is how to write an instance of a missing class. */
    public HeapInstance newInstanceOfClassId(long classId) {
        return instance(model().allocate(model().estimatedInstanceSize(classId)), classId);
    }

    /** An Object[] (class {@code [Ljava/lang/Object;}). */
    public long objectArray(long... elements) {
        return objectArray(objectArrayClass(), elements);
    }

    public long objectArray(DumpObject arrayClass, long... elements) {
        long id = model().allocate(16 + 4L * elements.length);
        return objectArrayWithId(id, arrayClass.id(), elements);
    }

    public long objectArrayWithId(long id, long arrayClassId, long... elements) {
        long[] copy = elements.clone();
        model().addItem(id, h -> h.objectArrayDump(id, STACK, arrayClassId, copy));
        return id;
    }

    /** @param javaArray boolean[], char[], float[], double[], byte[], short[], int[] or long[] */
    public long primitiveArray(Object javaArray) {
        int bytes = PrimitiveArrays.encode(javaArray).bytes().length;
        return primitiveArrayWithId(model().allocate(16 + bytes), javaArray);
    }

    public long primitiveArrayWithId(long id, Object javaArray) {
        PrimitiveArrays.Encoded e = PrimitiveArrays.encode(javaArray);
        model().addItem(id, h -> h.primitiveArrayDump(id, STACK, e.type(), e.count(), e.bytes()));
        return id;
    }

    /** Android's PRIMITIVE_ARRAY_NODATA (0xC3). */
    public long primitiveArrayNoData(BasicType type, int count) {
        long id = model().allocate(16);
        model().addItem(id, h -> h.primitiveArrayNoData(id, STACK, count, type));
        return id;
    }

    /** A java.lang.String with its value array: JDK 9+ byte[] and coder, or JDK 8 char[]. */
    public long string(String s) {
        HeapClass cls = stringClass();
        if (opts.jdk8Strings) {
            return newInstance(cls).set("value", primitiveArray(s.toCharArray())).id();
        }
        boolean latin1 = s.chars().allMatch(c -> c < 0x100);
        byte[] value = latin1 ? s.getBytes(StandardCharsets.ISO_8859_1)
                // HotSpot keeps UTF16 strings in native order, and dumps come from little-endian hosts.
                : s.getBytes(StandardCharsets.UTF_16LE);
        return newInstance(cls).set("value", primitiveArray(value)).set("coder", latin1 ? 0 : 1).id();
    }

    /** An id spaced like an object's but never written: for dangling references. */
    public long unusedId() {
        return model().allocate(16);
    }

    // ---- threads, frames, traces ----

    /**
     * @param sourceFile may be null (string id 0, as HotSpot writes for a class without one)
     * @param cls may be null (class serial 0); line as in FRAME: -1 unknown, -3 native
     */
    public long frame(String method, String signature, String sourceFile, HeapClass cls, int line) {
        DumpModel m = model();
        long id = m.allocateName();
        m.frames.add(new DumpModel.Frame(id, m.nameId(method), m.nameId(signature),
                sourceFile == null ? 0 : m.nameId(sourceFile), cls == null ? 0 : cls.serial(), line));
        return id;
    }

    /** @return the new trace serial; frame 0 is the top of the stack (depth 0) */
    public int trace(int threadSerial, long... frameIds) {
        return model().addTrace(threadSerial, frameIds);
    }

    /**
     * A java.lang.Thread with a {@code name}, its TRACE and a ROOT_THREAD_OBJECT.
     * @return the thread serial, for {@link #rootJavaFrame} with a depth into {@code frameIds}
     */
    public int thread(String name, long... frameIds) {
        int serial = model().nextThreadSerial();
        int trace = trace(serial, frameIds);
        HeapInstance t = newInstance(threadClass()).set("name", string(name));
        threads.put(serial, t);
        rootThreadObject(t.id(), serial, trace);
        return serial;
    }

    public HeapInstance threadObject(int threadSerial) {
        return threads.get(threadSerial);
    }

    // ---- roots and raw sub-records ----

    /** @param extras per {@link RootKind}: the JNI global ref id, or thread serial, depth etc. */
    public DumpBuilder root(RootKind kind, long objectId, long... extras) {
        long[] copy = extras.clone();
        model().addItem(h -> h.root(kind, objectId, copy));
        return this;
    }

    public DumpBuilder rootJavaFrame(long objectId, int threadSerial, int frameDepth) {
        return root(RootKind.JAVA_FRAME, objectId, threadSerial, frameDepth);
    }

    public DumpBuilder rootThreadObject(long threadId, int threadSerial, int traceSerial) {
        return root(RootKind.THREAD_OBJECT, threadId, threadSerial, traceSerial);
    }

    public DumpBuilder rootJniGlobal(long objectId, long globalRefId) {
        return root(RootKind.JNI_GLOBAL, objectId, globalRefId);
    }

    public DumpBuilder rootStickyClass(DumpObject cls) {
        return root(RootKind.STICKY_CLASS, cls.id());
    }

    public DumpBuilder rootMonitorUsed(long objectId) {
        return root(RootKind.MONITOR_USED, objectId);
    }

    public DumpBuilder rootUnknown(long objectId) {
        return root(RootKind.UNKNOWN, objectId);
    }

    /** Android HEAP_DUMP_INFO. It applies to what follows, so shuffling scrambles its meaning. */
    public DumpBuilder heapDumpInfo(int heapId, String heapName) {
        long nameId = model().nameId(heapName);
        model().addItem(h -> h.heapDumpInfo(heapId, nameId));
        return this;
    }

    /** Bytes taken as one sub-record, e.g. an unknown sub-tag. */
    public DumpBuilder rawHeapSubRecord(byte[] subRecord) {
        byte[] copy = subRecord.clone();
        model().addItem(h -> h.raw(copy));
        return this;
    }

    /** Ends the current dump: later objects and roots go to another dump in the same file. */
    public DumpBuilder nextDump() {
        model().dumps.add(new ArrayList<>());
        return this;
    }

    // ---- output ----

    public byte[] toBytes() {
        return DumpAssembler.assemble(model());
    }

    public Path writeTo(Path file) {
        try {
            return Files.write(file, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- internals ----

    private HeapClass declare(byte[] nameBytes, String name, long id) {
        long superId = opts.coreClasses ? objectClass().id() : 0;
        return model().addClass(nameBytes, name, id, superId);
    }

    private HeapClass wellKnown(String internalName, Consumer<HeapClass> init) {
        HeapClass c = wellKnown.get(internalName);
        if (c == null) {
            boolean root = internalName.equals("java/lang/Object") || !opts.coreClasses;
            long superId = root ? 0 : objectClass().id();
            String n = className(internalName);
            c = model().addClass(HprofWriter.modifiedUtf8(n), n, model().allocate(0x80), superId);
            wellKnown.put(internalName, c);
            init.accept(c);
        }
        return c;
    }

    private HeapInstance instance(long id, long classId) {
        DumpModel m = model();
        HeapInstance i = new HeapInstance(m, id, classId);
        m.addItem(id, h -> h.instanceDump(id, STACK, classId, DumpAssembler.fieldValues(m, i)));
        return i;
    }

    /** Created on first use, so that core classes get the lowest ids and options freeze. */
    private DumpModel model() {
        if (model == null) {
            model = new DumpModel(opts);
            if (opts.coreClasses) {
                objectClass();
                classClass();
                stringClass();
                for (BasicType t : BasicType.values()) {
                    primitiveArrayClass(t);
                }
            }
        }
        return model;
    }

    private DumpOptions configurable() {
        if (model != null) {
            throw new IllegalStateException("set options before declaring classes or objects");
        }
        return opts;
    }
}
