package dev.heapchain.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatesTest {
    @Test
    void growthRates() {
        assertEquals(new Rates.Growth(10 << 20, false), Rates.growth("10MB/h"));
        assertEquals(new Rates.Growth(10 << 20, false), Rates.growth(" 10 mb / hour "));
        assertEquals(new Rates.Growth(5, true), Rates.growth("5%/h"));
        assertEquals(new Rates.Growth(1.5, true), Rates.growth("36%/day"));
        assertEquals(new Rates.Growth(512 * 60, false), Rates.growth("512B/min"));
        assertEquals(new Rates.Growth(1024, false), Rates.growth("1KB/h"));
        assertEquals(new Rates.Growth(0, false), Rates.growth("0/h"));
    }

    @Test
    void badRatesSayWhyAndShowExamples() {
        for (String bad : new String[]{"10MB", "10MB/week", "ten MB/h", "-5%/h", "1e3B/h", "10d/h", "%/h", "/h", "10XB/h"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rates.growth(bad), bad);
            assertTrue(e.getMessage().contains(bad.strip()) && e.getMessage().contains("10MB/h"), e.getMessage());
        }
    }

    @Test
    void thresholds() {
        assertEquals(Threshold.DEFAULT, Threshold.parse("10%,1MB"));
        assertEquals(new Threshold(25, 1 << 20), Threshold.parse("25%"));
        assertEquals(new Threshold(10, 512 << 10), Threshold.parse("512KB"));
        assertThrows(IllegalArgumentException.class, () -> Threshold.parse("many"));
        Threshold t = Threshold.DEFAULT;
        assertTrue(t.bytesChanged(10 << 20, 12 << 20), "+2 MB is +20%");
        assertFalse(t.bytesChanged(100 << 20, 102 << 20), "+2 MB is only +2%");
        assertFalse(t.bytesChanged(1000, 500_000), "+48,900% but under 1 MB");
        assertTrue(t.countChanged(100, 111));
        assertFalse(t.countChanged(100, 110));
    }
}
