package dev.heapchain.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.chain.Verdicts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** compare judges by evidence: numbers that move without new evidence never regress. */
class ComparerTest {
    private static final String CONTROLLER = "QuorumController.snapshotRegistry";

    private static ReportFacts.Chain chain(long snapshots, long minEpoch, long retained, Long watermark, Verdicts.Outcome outcome) {
        Verdicts.Watermark w = watermark == null ? null
                : new Verdicts.Watermark("offsetControl.lastStableOffset", false, watermark, 0, snapshots - 1, null);
        return new ReportFacts.Chain(CONTROLLER, snapshots, minEpoch, minEpoch + 10 * snapshots, retained, List.of(), w, outcome,
                List.of());
    }

    private static ReportFacts report(String name, ReportFacts.Chain... chains) {
        Verdicts.Outcome worst = Verdicts.Outcome.NO_LEAK;
        for (ReportFacts.Chain c : chains) {
            worst = Verdicts.Outcome.worse(worst, c.outcome());
        }
        return new ReportFacts(name, name, 0, 1 << 30, 32, worst, List.of(), List.of(chains), List.of(), null);
    }

    private static Comparison compare(ReportFacts a, ReportFacts b) {
        return Comparer.compare(a, b, Threshold.DEFAULT, 10);
    }

    @Test
    void healthyControllerWithMovedOffsetsAndMoreBytesIsUnchanged() {
        // 14 snapshots before and after, the watermark moved on, the chain retains 10 MB more.
        Comparison c = compare(report("a", chain(14, 65528, 3_600, 65528L, Verdicts.Outcome.NO_LEAK)),
                report("b", chain(14, 70001, 12_000_000, 70001L, Verdicts.Outcome.NO_LEAK)));
        assertEquals(Comparison.UNCHANGED, c.verdict(), c.regressions().toString());
        assertEquals(1, c.notes().size(), "the byte growth is reported, as a note");
        assertEquals("same", c.chains().get(0).change());
    }

    @Test
    void growthWhileTheWatermarkMovesPastTheOldestEpochIsLeak() {
        Comparison c = compare(report("a", chain(40, 100, 1_000, 100L, Verdicts.Outcome.SUSPECT)),
                report("b", chain(90, 100, 2_000, 600L, Verdicts.Outcome.SUSPECT)));
        assertEquals(Comparison.REGRESSED, c.verdict());
        assertEquals(Verdicts.Outcome.LEAK, c.outcome());
        assertEquals(Verdicts.GROWTH_PAST_WATERMARK, c.chains().get(0).across().get(0).kind());
        assertTrue(c.regressions().get(0).contains("moved from 100 to 600"), c.regressions().toString());
    }

    @Test
    void growthWithAStandingWatermarkIsSuspect() {
        Comparison c = compare(report("a", chain(20, 100, 1_000, 100L, Verdicts.Outcome.NO_LEAK)),
                report("b", chain(90, 100, 2_000, 100L, Verdicts.Outcome.SUSPECT)));
        assertEquals(Comparison.REGRESSED, c.verdict(), "no leak -> SUSPECT is new evidence");
        assertEquals(Verdicts.Outcome.SUSPECT, c.outcome());
        assertEquals(Verdicts.GROWTH, c.chains().get(0).across().get(0).kind());
    }

    @Test
    void sameLeakOnBothSidesIsUnchangedAndAFixIsAnImprovement() {
        ReportFacts leaking = report("a", chain(500, 0, 1_000, null, Verdicts.Outcome.LEAK));
        Comparison same = compare(leaking, report("b", chain(500, 0, 1_000, null, Verdicts.Outcome.LEAK)));
        assertEquals(Comparison.UNCHANGED, same.verdict());
        Comparison fixed = compare(leaking, report("b", chain(3, 497, 10, null, Verdicts.Outcome.NO_LEAK)));
        assertEquals(Comparison.IMPROVED, fixed.verdict(), fixed.improvements().toString());
    }

    @Test
    void newHealthyChainIsNoRegression() {
        Comparison c = compare(report("a"), report("b", chain(3, 10, 100, 10L, Verdicts.Outcome.NO_LEAK)));
        assertEquals(Comparison.UNCHANGED, c.verdict());
        assertEquals("new", c.chains().get(0).status());
    }
}
