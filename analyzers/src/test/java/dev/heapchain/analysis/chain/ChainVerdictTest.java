package dev.heapchain.analysis.chain;

import dev.heapchain.analysis.AnalysisOptions;
import dev.heapchain.analysis.HeapAnalysis;
import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.analysis.ValuePolicy;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.heapchain.analysis.chain.KafkaHeap.offsets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdict on Kafka-shaped heaps: LEAK only from evidence (a breached watermark here; pins in the
 * CLI's fixture tests), SUSPECT for stalls and for long chains without a watermark, no leak for
 * healthy chains whatever their epoch gaps, not applicable without the target classes; owners,
 * groups, sentinels and identities as reports show them.
 */
class ChainVerdictTest {
    private static final int LIMIT = 32;

    @TempDir
    Path tmp;

    private ChainReport run(KafkaHeap heap) {
        return run(heap.analyze(tmp.resolve("kafka.hprof")), Profile.builtIn("automq"));
    }

    private static ChainReport run(HeapAnalysis a, Profile profile) {
        return ChainAnalysis.run(new PathRenderer(a, ValuePolicy.REDACTED), profile, LIMIT);
    }

    @Test
    void healthyControllerWithOffsetGapsIsNoLeak() {
        // The committed snapshot at the watermark and 13 batches in flight, 105 records apart: epochs
        // 65528..66788 hold 1,247 "missing" offsets, which mean nothing.
        ChainReport r = run(new KafkaHeap().controller(65528, 66894, offsets(65528, 105, 14)));
        assertEquals(Verdicts.Outcome.NO_LEAK, r.verdict().outcome(), r.verdict().reasons().toString());
        assertEquals(1, r.chains().size());
        ChainReport.Chain c = r.chains().get(0);
        assertEquals("QuorumController.snapshotRegistry", c.owner().label());
        assertEquals("org.apache.kafka.controller.QuorumController", c.owner().className());
        assertEquals("QuorumController.snapshotRegistry", c.identity());
        assertEquals(new Verdicts.Watermark("offsetControl.lastStableOffset", false, 65528, 0, 13, 66894L), c.watermark());
        assertEquals(14, r.targets());
        assertEquals(1, r.sentinels(), "the registry's head is counted apart");
        assertTrue(c.reasons().isEmpty());
    }

    @Test
    void breachedWatermarkIsLeak() {
        // lastStableOffset moved to 400 but the snapshots below it were never deleted.
        ChainReport r = run(new KafkaHeap().controller(400, 600, 100, 200, 300, 400, 500));
        assertEquals(Verdicts.Outcome.LEAK, r.verdict().outcome());
        ChainReport.Chain c = r.chains().get(0);
        assertEquals(3, c.watermark().below());
        assertEquals(1, c.watermark().above());
        assertEquals(List.of(Verdicts.WATERMARK_BREACH), c.reasons().stream().map(Verdicts.Reason::kind).toList());
        assertTrue(c.reasons().get(0).text().contains("3 snapshots below its trim watermark offsetControl.lastStableOffset = 400"),
                c.reasons().get(0).text());
    }

    @Test
    void breachWhileTheTrimRunsIsNoEvidence() {
        // The dump stopped the event thread between lastStableOffset = 400 and the end of deleteSnapshotsUpTo.
        ChainReport r = run(new KafkaHeap().controllerThreadIn("maybeAdvanceLastStableOffset")
                .controller(400, 600, 100, 200, 300, 400, 500));
        assertEquals(Verdicts.Outcome.NO_LEAK, r.verdict().outcome(), r.verdict().reasons().toString());
        Verdicts.Reason reason = r.chains().get(0).reasons().get(0);
        assertEquals(Verdicts.TRIM_IN_PROGRESS, reason.kind());
        assertTrue(reason.text().contains("event-handler\" was inside OffsetControlManager.maybeAdvanceLastStableOffset"), reason.text());
        // A thread elsewhere in the same class explains nothing.
        ChainReport elsewhere = run(new KafkaHeap().controllerThreadIn("replay").controller(400, 600, 100, 200, 300, 400, 500));
        assertEquals(Verdicts.Outcome.LEAK, elsewhere.verdict().outcome());
    }

    @Test
    void commitStallIsSuspectNeverLeak() {
        // Followers paused: 106 snapshots wait above lastStableOffset 277, which is not breached.
        ChainReport r = run(new KafkaHeap().controller(277, 20_000, offsets(277, 7, 107)));
        assertEquals(Verdicts.Outcome.SUSPECT, r.verdict().outcome());
        Verdicts.Reason reason = r.chains().get(0).reasons().get(0);
        assertEquals(Verdicts.COMMIT_STALL, reason.kind());
        assertTrue(reason.text().contains("commits stalled at offset 277"), reason.text());
        assertTrue(reason.text().contains("106 snapshots wait for it"), reason.text());
        // At the limit, a stall is no finding: the limit counts waiting snapshots, not epochs.
        ChainReport atLimit = run(new KafkaHeap().controller(277, 20_000, offsets(277, 1_000, LIMIT + 1)));
        assertEquals(Verdicts.Outcome.NO_LEAK, atLimit.verdict().outcome(), atLimit.verdict().reasons().toString());
    }

    @Test
    void kafka35ControllerTrimsToItsOwnCommittedOffset() {
        ChainReport r = run(new KafkaHeap(true).controller(300, 0, 100, 200, 300));
        ChainReport.Chain c = r.chains().get(0);
        assertEquals("lastCommittedOffset", c.watermark().field());
        assertEquals(2, c.watermark().below());
        assertEquals(Verdicts.Outcome.LEAK, r.verdict().outcome());
    }

    @Test
    void ownersOfOneKindFormOneGroupWithTheirOwnEpochs() {
        KafkaHeap heap = new KafkaHeap().controller(5000, 5100, 5000, 5050);
        for (int p = 0; p < 3; p++) {
            heap.coordinator("__consumer_offsets", p, 10L * p, 10L * p + 2, 10L * p, 10L * p + 1, 10L * p + 2);
        }
        ChainReport r = run(heap);
        assertEquals(Verdicts.Outcome.NO_LEAK, r.verdict().outcome(), r.verdict().reasons().toString());
        assertEquals(List.of("SnapshottableCoordinator.snapshotRegistry", "QuorumController.snapshotRegistry"),
                r.groups().stream().map(ChainReport.Group::label).toList(), "largest retained first");
        ChainReport.Group coordinators = r.groups().get(0);
        assertEquals(3, coordinators.chains().size());
        assertEquals(9, coordinators.snapshots());
        assertEquals(List.of(0L, 1L, 2L, 10L, 11L, 12L, 20L, 21L, 22L),
                coordinators.epochs().stream().map(ChainReport.EpochStats::epoch).toList());
        assertEquals(List.of(5000L, 5050L), r.groups().get(1).epochs().stream().map(ChainReport.EpochStats::epoch).toList(),
                "the controller's offsets are never mixed with the coordinators'");
        List<String> names = coordinators.chains().stream().map(i -> r.chains().get(i).identity()).sorted().toList();
        assertEquals(List.of("SnapshottableCoordinator.snapshotRegistry __consumer_offsets-0",
                "SnapshottableCoordinator.snapshotRegistry __consumer_offsets-1",
                "SnapshottableCoordinator.snapshotRegistry __consumer_offsets-2"), names);
        assertEquals(4, r.sentinels());
        assertEquals(11, r.targets());
    }

    @Test
    void worstChainsComeFirst() {
        KafkaHeap heap = new KafkaHeap().coordinator("__consumer_offsets", 0, 0, 50, offsets(0, 1, 50));
        heap.controller(400, 600, 100, 200, 300, 400);
        ChainReport r = run(heap);
        assertEquals(Verdicts.Outcome.LEAK, r.chains().get(0).outcome(), "the breached controller before the larger stalled shard");
        assertEquals(Verdicts.Outcome.SUSPECT, r.chains().get(1).outcome());
        assertEquals("QuorumController.snapshotRegistry", r.groups().get(0).label());
        assertEquals(List.of(Verdicts.Outcome.LEAK, Verdicts.Outcome.SUSPECT),
                r.verdict().reasons().stream().map(Verdicts.Reason::outcome).toList());
    }

    @Test
    void chainWithoutOwnerRuleIsLabelledFromItsPathAndJudgedByLength() {
        ChainReport shortOne = run(new KafkaHeap().bareRegistry(offsets(1, 1, 10)));
        assertEquals(Verdicts.Outcome.NO_LEAK, shortOne.verdict().outcome());
        assertEquals("Node.owner0", shortOne.chains().get(0).owner().label());
        assertNull(shortOne.chains().get(0).watermark());
        ChainReport longOne = run(new KafkaHeap().bareRegistry(offsets(1, 1, 40)));
        assertEquals(Verdicts.Outcome.SUSPECT, longOne.verdict().outcome());
        assertEquals(Verdicts.LONG_CHAIN, longOne.verdict().reasons().get(0).kind());
    }

    @Test
    void identitiesDoNotDependOnObjectIds() {
        ChainReport a = run(new KafkaHeap().bareRegistry(1, 2).bareRegistry(3, 4).coordinator("t", 0, 0, 0, 0));
        ChainReport b = run(new KafkaHeap().padding(100).bareRegistry(1, 2).bareRegistry(3, 4)
                .coordinator("t", 0, 0, 0, 0).analyze(tmp.resolve("other.hprof")), Profile.builtIn("automq"));
        List<String> ida = a.chains().stream().map(ChainReport.Chain::identity).sorted().toList();
        List<String> idb = b.chains().stream().map(ChainReport.Chain::identity).sorted().toList();
        assertEquals(List.of("Node.owner0", "Node.owner1", "SnapshottableCoordinator.snapshotRegistry t-0"), ida);
        assertEquals(ida, idb);
        assertFalse(a.chains().get(0).oldestObjectId() == b.chains().stream()
                .filter(c -> c.identity().equals(a.chains().get(0).identity())).findFirst().orElseThrow().oldestObjectId(),
                "the padding moved the ids");
    }

    @Test
    void noTargetClassIsNotApplicable() {
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass node = b.newClass("com.acme.Session").instanceField("next", BasicType.OBJECT).instanceField("id", BasicType.INT);
        HeapInstance head = b.newInstance(node).set("id", 1);
        HeapClass holder = b.newClass("com.acme.Cache").staticField("head", BasicType.OBJECT, head.id());
        b.rootStickyClass(holder);
        Path file = b.writeTo(tmp.resolve("plain.hprof"));
        ChainReport r = run(HeapAnalysis.run(HprofFile.open(file), AnalysisOptions.defaults()), Profile.builtIn("automq"));
        assertEquals(Verdicts.Outcome.NOT_APPLICABLE, r.verdict().outcome());
        assertFalse(r.targetClassesPresent());
        assertTrue(r.chains().isEmpty());
        assertTrue(r.verdict().reasons().isEmpty());
    }

    @Test
    void adHocProfileCountsLongMinValueHeadsApartUnlessTold() {
        KafkaHeap heap = new KafkaHeap().bareRegistry(1, 2, 3);
        HeapAnalysis a = heap.analyze(tmp.resolve("adhoc.hprof"));
        ChainReport byDefault = run(a, Profile.adHoc(List.of(KafkaHeap.SNAPSHOT), "epoch", List.of("prev", "next"), null));
        assertEquals(3, byDefault.targets());
        assertEquals(1, byDefault.sentinels());
        assertEquals(1, byDefault.chains().get(0).minEpoch());
        ChainReport none = run(a, Profile.adHoc(List.of(KafkaHeap.SNAPSHOT), "epoch", List.of("prev", "next"), List.of()));
        assertEquals(4, none.targets(), "with no sentinel epoch the head counts as a snapshot");
        assertEquals(Long.MIN_VALUE, none.chains().get(0).minEpoch());
    }

    @Test
    void emptyRegistryIsNoLeakNotNotApplicable() {
        ChainReport r = run(new KafkaHeap().controller(-1, 0));
        assertEquals(Verdicts.Outcome.NO_LEAK, r.verdict().outcome());
        assertTrue(r.targetClassesPresent());
        assertEquals(0, r.targets());
        assertEquals(1, r.sentinels());
    }

    @Test
    void acrossDumpsGrowthPastAMovedWatermarkIsLeakElseSuspect() {
        Verdicts.Watermark w100 = new Verdicts.Watermark("lastCommittedOffset", false, 100, 0, 40, null);
        Verdicts.Watermark w900 = new Verdicts.Watermark("lastCommittedOffset", false, 900, 60, 20, null);
        Verdicts.Evidence before = new Verdicts.Evidence("c", 40, 100, 500, List.of(), w100);
        Verdicts.Evidence movedPast = new Verdicts.Evidence("c", 80, 100, 1000, List.of(), w900);
        Verdicts.Evidence stoodStill = new Verdicts.Evidence("c", 80, 100, 1000, List.of(), w100);
        Verdicts.Evidence unknown = new Verdicts.Evidence("c", 80, 100, 1000, List.of(), null);
        Verdicts.Evidence trimmed = new Verdicts.Evidence("c", 80, 300, 1000, List.of(), w900);
        assertEquals(Verdicts.GROWTH_PAST_WATERMARK, Verdicts.across(before, movedPast, true, LIMIT).get(0).kind());
        assertEquals(Verdicts.Outcome.LEAK, Verdicts.outcome(Verdicts.across(before, movedPast, true, LIMIT)));
        assertEquals(Verdicts.Outcome.SUSPECT, Verdicts.outcome(Verdicts.across(before, stoodStill, true, LIMIT)));
        assertEquals(Verdicts.Outcome.SUSPECT, Verdicts.outcome(Verdicts.across(before, new Verdicts.Evidence("c", 80, 100, 1000,
                List.of(), null), true, LIMIT)));
        assertTrue(Verdicts.across(before, unknown, false, LIMIT).isEmpty(), "growth under the threshold is no evidence");
        assertTrue(Verdicts.across(before, trimmed, true, LIMIT).isEmpty(), "the oldest epoch moved: trimming runs");
        assertTrue(Verdicts.across(movedPast, before, true, LIMIT).isEmpty(), "shrinking is no evidence");
        Verdicts.Evidence small = new Verdicts.Evidence("c", 10, 100, 120, List.of(), null);
        Verdicts.Evidence smallGrown = new Verdicts.Evidence("c", 20, 100, 140, List.of(), null);
        assertTrue(Verdicts.across(small, smallGrown, true, LIMIT).isEmpty(), "within the limit, growth is no finding");
    }

    @Test
    void pinsMakeLeakAndSilenceTheStallBesideThem() {
        Verdicts.Watermark head = new Verdicts.Watermark("liveEpochs[0]", true, 0, 0, 1999, null);
        List<Verdicts.Reason> pinned = Verdicts.of(new Verdicts.Evidence("c", 2000, 0, 1999,
                List.of(new Verdicts.PinEvidence("bookkeeping", "the list is stuck")), head), LIMIT);
        assertEquals(List.of(Verdicts.BOOKKEEPING_PIN), pinned.stream().map(Verdicts.Reason::kind).toList());
        assertEquals("c: the list is stuck", pinned.get(0).text());
        List<Verdicts.Reason> unpinned = Verdicts.of(new Verdicts.Evidence("c", 2000, 0, 1999, List.of(), head), LIMIT);
        assertEquals(List.of(Verdicts.HEAD_STALL), unpinned.stream().map(Verdicts.Reason::kind).toList());
        assertNotNull(Verdicts.Outcome.of("not applicable"));
    }
}
