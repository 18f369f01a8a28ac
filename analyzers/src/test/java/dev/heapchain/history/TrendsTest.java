package dev.heapchain.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.chain.Verdicts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendsTest {
    private static final long HOUR = 3_600_000;

    private static ReportFacts report(String name, long at, long chainBytes, long heapBytes) {
        List<ReportFacts.Chain> chains = List.of(new ReportFacts.Chain("R at X.r", 5, 1, 5, chainBytes, List.of(), null,
                Verdicts.Outcome.NO_LEAK, List.of()));
        return new ReportFacts(name, name, at, heapBytes, 32, Verdicts.Outcome.NO_LEAK, List.of(), chains, List.of(), null);
    }

    @Test
    void fitsALineThroughUnorderedPoints() {
        List<ReportFacts> in = new ArrayList<>();
        // chain bytes 1000 + 500/h, heap 10000 - 100/h; given out of order
        in.add(report("c", 1_000_000 + 4 * HOUR, 3000, 9600));
        in.add(report("a", 1_000_000, 1000, 10_000));
        in.add(report("b", 1_000_000 + 2 * HOUR, 2000, 9800));
        TrendReport t = Trends.of(in, new Rates.Growth(400, false));
        assertEquals(List.of("a", "b", "c"), t.points().stream().map(TrendReport.Point::source).toList());
        assertEquals(4.0, t.spanHours(), 1e-9);
        assertEquals(500, t.chains().bytesPerHour(), 1e-6);
        assertEquals(1000, t.chains().startBytes(), 1e-6);
        assertEquals(50.0, t.chains().percentPerHour(), 1e-9);
        assertEquals(-100, t.heap().bytesPerHour(), 1e-6);
        assertTrue(t.failed(), "500 B/h is over 400 B/h");
        assertFalse(Trends.of(in, new Rates.Growth(600, false)).failed());
        assertTrue(Trends.of(in, new Rates.Growth(49, true)).failed());
        assertFalse(Trends.of(in, new Rates.Growth(51, true)).failed());
        assertFalse(Trends.of(in, null).failed(), "no limit, no check");
        assertEquals(Verdicts.Outcome.NO_LEAK, t.outcome(), "bytes growing is no evidence: the chain's 5 snapshots stay under the limit");
        assertTrue(t.across().isEmpty());
    }

    @Test
    void needsTwoDumpsAtDifferentTimes() {
        assertThrows(IllegalArgumentException.class, () -> Trends.of(List.of(report("a", 0, 1, 1)), null));
        assertThrows(IllegalArgumentException.class, () -> Trends.of(List.of(report("a", 5, 1, 1), report("b", 5, 2, 2)), null));
    }

    @Test
    void growthFromNothingFailsAPercentLimit() {
        TrendReport t = Trends.of(List.of(report("a", 0, 0, 1), report("b", HOUR, 10, 1)), new Rates.Growth(1000, true));
        assertTrue(t.failed());
    }

    @Test
    void aBaseUnderOneMegabyteGetsAnAbsoluteRateOnly() throws Exception {
        // 4 KB of chains growing by 85.4 KB/h is +2135%/h: a figure that says nothing.
        TrendReport small = Trends.of(List.of(report("a", 0, 4096, 2L << 20), report("b", HOUR, 4096 + 87_450, 3L << 20)), null);
        assertEquals(2135.0, small.chains().percentPerHour(), 0.1, "kept exactly for percentage limits");
        assertEquals(null, small.chains().reportedPercentPerHour());
        assertEquals("85.4 KB/h (first dump 4.0 KB, too small a base for a percentage)", Trends.rate(small.chains()));
        assertEquals("1.0 MB/h (+50.0%/h)", Trends.rate(small.heap()), "the heap's 2 MB base is large enough");
        var json = TrendJson.tree(small, "test");
        assertTrue(json.at("/growth/chainRetainedBytes/percentPerHour").isNull(), json.toString());
        assertEquals(4096, json.at("/growth/chainRetainedBytes/baseBytes").asLong());
        assertEquals(50.0, json.at("/growth/liveHeapBytes/percentPerHour").asDouble(), 1e-9);

        // A percentage limit still compares the exact figure, and its message gives it.
        TrendReport checked = Trends.of(List.of(report("a", 0, 4096, 1), report("b", HOUR, 4096 + 87_450, 1)),
                new Rates.Growth(5, true));
        assertTrue(checked.failed());
        assertTrue(checked.failures().get(0).startsWith("snapshot chains grow by 85.4 KB/h (+2135.0%/h of the first dump's 4.0 KB),"),
                checked.failures().get(0));
        assertFalse(Trends.of(List.of(report("a", 0, 4096, 1), report("b", HOUR, 4096 + 40, 1)), new Rates.Growth(5, true)).failed(),
                "+1%/h is within 5%/h whatever the base");

        TrendReport large = Trends.of(List.of(report("a", 0, 1L << 20, 1), report("b", HOUR, 3L << 20, 1)), null);
        assertEquals(200.0, large.chains().reportedPercentPerHour(), 1e-9, "from 1 MB up the percentage is shown");
        assertEquals("2.0 MB/h (+200.0%/h)", Trends.rate(large.chains()));
    }
}
