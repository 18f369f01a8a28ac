package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.AnalysisOptions;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;

import java.nio.file.Path;

/**
 * Heaps shaped like Kafka's, written with the test HPROF writer: {@code SnapshotRegistry} objects
 * whose snapshots form the registry's circular list behind a sentinel head (epoch Long.MIN_VALUE),
 * owned by a {@code QuorumController} (Kafka 3.6 and later: the watermark in
 * {@code offsetControl.lastStableOffset}; Kafka 3.0 to 3.5: in its own {@code lastCommittedOffset}) or
 * by group-coordinator shards ({@code SnapshottableCoordinator}, one per {@code __consumer_offsets}
 * partition). Every object hangs off one static field, so ids and paths are reproducible.
 */
public final class KafkaHeap {
    public static final String SNAPSHOT = "org.apache.kafka.timeline.Snapshot";
    private final DumpBuilder b = DumpBuilder.hotspot();
    private final HeapClass snapshot = b.newClass(SNAPSHOT).instanceField("epoch", BasicType.LONG)
            .instanceField("prev", BasicType.OBJECT).instanceField("next", BasicType.OBJECT)
            .instanceField("map", BasicType.OBJECT);
    private final HeapClass registry = b.newClass("org.apache.kafka.timeline.SnapshotRegistry")
            .instanceField("head", BasicType.OBJECT).instanceField("snapshots", BasicType.OBJECT);
    private final HeapClass offsetControl = b.newClass("org.apache.kafka.controller.OffsetControlManager")
            .instanceField("snapshotRegistry", BasicType.OBJECT).instanceField("lastCommittedOffset", BasicType.LONG)
            .instanceField("lastStableOffset", BasicType.LONG).instanceField("nextWriteOffset", BasicType.LONG);
    private final boolean kafka35;
    private final HeapClass controller;
    private final HeapClass topicPartition = b.newClass("org.apache.kafka.common.TopicPartition")
            .instanceField("partition", BasicType.INT).instanceField("topic", BasicType.OBJECT);
    private final HeapClass coordinator = b.newClass("org.apache.kafka.coordinator.common.runtime.SnapshottableCoordinator")
            .instanceField("snapshotRegistry", BasicType.OBJECT).instanceField("tp", BasicType.OBJECT)
            .instanceField("lastWrittenOffset", BasicType.LONG).instanceField("lastCommittedOffset", BasicType.LONG);
    private final HeapClass holder = b.newClass("kafka.server.Node");
    private int fields;

    /** Kafka 3.6 and later. */
    public KafkaHeap() {
        this(false);
    }

    /** @param kafka35 a Kafka 3.0-3.5 controller: its watermark is its own lastCommittedOffset */
    public KafkaHeap(boolean kafka35) {
        this.kafka35 = kafka35;
        controller = b.newClass("org.apache.kafka.controller.QuorumController").instanceField("snapshotRegistry", BasicType.OBJECT)
                .instanceField(kafka35 ? "lastCommittedOffset" : "offsetControl", kafka35 ? BasicType.LONG : BasicType.OBJECT);
    }

    /** A controller whose registry holds snapshots at these epochs, with its offsets. */
    public KafkaHeap controller(long lastStableOffset, long nextWriteOffset, long... epochs) {
        HeapInstance r = registry(epochs);
        if (kafka35) {
            return hold(b.newInstance(controller).set("snapshotRegistry", r.id()).set("lastCommittedOffset", lastStableOffset));
        }
        HeapInstance oc = b.newInstance(offsetControl).set("snapshotRegistry", r.id()).set("lastCommittedOffset", lastStableOffset)
                .set("lastStableOffset", lastStableOffset).set("nextWriteOffset", nextWriteOffset);
        return hold(b.newInstance(controller).set("snapshotRegistry", r.id()).set("offsetControl", oc.id()));
    }

    public KafkaHeap coordinator(String topic, int partition, long lastCommittedOffset, long lastWrittenOffset, long... epochs) {
        HeapInstance r = registry(epochs);
        HeapInstance tp = b.newInstance(topicPartition).set("partition", partition).set("topic", b.string(topic));
        return hold(b.newInstance(coordinator).set("snapshotRegistry", r.id()).set("tp", tp.id())
                .set("lastWrittenOffset", lastWrittenOffset).set("lastCommittedOffset", lastCommittedOffset));
    }

    /**
     * A thread whose stack is inside {@code OffsetControlManager.method} (or another method of it), as
     * the controller's event thread is while it moves lastStableOffset and trims.
     */
    public KafkaHeap controllerThreadIn(String method) {
        b.thread("quorum-controller-0-event-handler", b.frame(method, "()V", "OffsetControlManager.java", offsetControl, 327));
        return this;
    }

    /** Unreachable objects that shift the ids of everything built after them. */
    public KafkaHeap padding(int objects) {
        for (int i = 0; i < objects; i++) {
            b.primitiveArray(new byte[16]);
        }
        return this;
    }

    /** A registry alone under a static field: no owner rule knows it. */
    public KafkaHeap bareRegistry(long... epochs) {
        return hold(registry(epochs));
    }

    /** The registry's list: head sentinel, then the snapshots in order, circular through prev/next. */
    private HeapInstance registry(long... epochs) {
        HeapInstance head = b.newInstance(snapshot).set("epoch", Long.MIN_VALUE);
        HeapInstance prev = head;
        long[] ids = new long[epochs.length];
        for (int i = 0; i < epochs.length; i++) {
            long payload = b.primitiveArray(new byte[32 + 8 * (i % 5)]);
            HeapInstance s = b.newInstance(snapshot).set("epoch", epochs[i]).set("prev", prev.id()).set("map", payload);
            prev.set("next", s.id());
            ids[i] = s.id();
            prev = s;
        }
        prev.set("next", head.id());
        head.set("prev", prev.id());
        long table = b.objectArray(ids);
        return b.newInstance(registry).set("head", head.id()).set("snapshots", table);
    }

    private KafkaHeap hold(HeapInstance owner) {
        // One static field per owner on one sticky class: the path to each owner is distinct and fixed.
        holder.staticField("owner" + fields++, BasicType.OBJECT, owner.id());
        return this;
    }

    /** Writes the dump. */
    public Path write(Path file) {
        b.rootStickyClass(holder);
        return b.writeTo(file);
    }

    public HeapAnalysis analyze(Path file) {
        write(file);
        return HeapAnalysis.run(HprofFile.open(file), AnalysisOptions.defaults().withCapture(Profile.builtIn("automq").captureClasses()));
    }

    /** Epochs from {@code first}, {@code step} apart: offsets with gaps, as one batch per snapshot makes them. */
    public static long[] offsets(long first, long step, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = first + step * i;
        }
        return out;
    }
}
