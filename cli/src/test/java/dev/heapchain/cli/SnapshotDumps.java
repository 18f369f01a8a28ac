package dev.heapchain.cli;

import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;
import java.nio.file.Path;

/**
 * Synthetic chains of {@code com.example.MetadataSnapshot} for ad-hoc profiles: snapshot i carries
 * its epoch i under {@code provenance.offset} and links to i-1 through {@code prev}; a
 * {@code SnapshotStore} on the main thread's stack holds the newest. Optionally a
 * {@code CatchUpTask}, reachable from a static field of a sticky class, holds epoch 0's snapshot
 * in {@code pending}: the pin the analysis must name. Byte-for-byte reproducible.
 */
final class SnapshotDumps {
    static final String SNAPSHOT = "com.example.MetadataSnapshot";
    /** The ad-hoc profile options that describe these dumps. */
    static final String[] AD_HOC = {"--class", SNAPSHOT, "--epoch-field", "provenance.offset", "--link-field", "prev"};

    /** How the CatchUpTask holds epoch 0's snapshot, if there is one. */
    enum Pin {
        NONE,
        /** {@code pending} is the snapshot. */
        STRONG,
        /** {@code pending} is a java.lang.ref.WeakReference to it: no pin unless --keep-weak. */
        WEAK
    }

    /** @param boxedEpoch the offset as a {@code java.lang.Long} field instead of a {@code long} */
    record Shape(int snapshots, Pin pin, boolean boxedEpoch) {
    }

    /** Ids of the objects tests assert on; task and its class's are 0 without a task. */
    record Ids(long store, long oldest, long task, long taskHolderClass) {
    }

    private SnapshotDumps() {
    }

    static Path write(Path file, Shape shape) {
        DumpBuilder b = DumpBuilder.hotspot();
        build(b, shape);
        return b.writeTo(file);
    }

    static Ids build(DumpBuilder b, Shape shape) {
        HeapClass longBox = shape.boxedEpoch()
                ? b.newClass("java.lang.Long").instanceField("value", BasicType.LONG) : null;
        HeapClass provenance = b.newClass("com.example.Provenance")
                .instanceField("offset", shape.boxedEpoch() ? BasicType.OBJECT : BasicType.LONG);
        HeapClass snapshot = b.newClass(SNAPSHOT).instanceField("prev", BasicType.OBJECT)
                .instanceField("provenance", BasicType.OBJECT).instanceField("records", BasicType.OBJECT);
        HeapClass store = b.newClass("com.example.SnapshotStore").instanceField("latest", BasicType.OBJECT)
                .instanceField("size", BasicType.INT);
        HeapInstance prev = null;
        HeapInstance oldest = null;
        for (int i = 0; i < shape.snapshots(); i++) {
            Object offset = shape.boxedEpoch() ? b.newInstance(longBox).set("value", (long) i) : (Object) (long) i;
            HeapInstance p = b.newInstance(provenance).set("offset", offset);
            // Distinct payload sizes give each epoch its own retained size, so ordering is tested.
            long records = b.primitiveArray(new byte[64 + 8 * (i % 7)]);
            HeapInstance s = b.newInstance(snapshot).set("prev", prev).set("provenance", p).set("records", records);
            oldest = oldest == null ? s : oldest;
            prev = s;
        }
        HeapInstance st = b.newInstance(store).set("latest", prev).set("size", shape.snapshots());
        int thread = b.thread("main", b.frame("run", "()V", "SnapshotStore.java", store, 42));
        b.rootJavaFrame(st.id(), thread, 0);
        long task = 0;
        long holder = 0;
        if (shape.pin() != Pin.NONE) {
            HeapInstance held = oldest;
            if (shape.pin() == Pin.WEAK) {
                // The analysis recognises Reference.referent by the JDK's class names.
                HeapClass reference = b.newClass("java.lang.ref.Reference").instanceField("referent", BasicType.OBJECT);
                HeapClass weak = b.newClass("java.lang.ref.WeakReference").superclass(reference);
                held = b.newInstance(weak).set("referent", oldest);
            }
            HeapClass taskClass = b.newClass("com.example.CatchUpTask").instanceField("pending", BasicType.OBJECT);
            HeapInstance t = b.newInstance(taskClass).set("pending", held);
            HeapClass catchUp = b.newClass("com.example.CatchUp").staticField("current", BasicType.OBJECT, t);
            b.rootStickyClass(catchUp);
            task = t.id();
            holder = catchUp.id();
        }
        return new Ids(st.id(), oldest == null ? 0 : oldest.id(), task, holder);
    }
}
