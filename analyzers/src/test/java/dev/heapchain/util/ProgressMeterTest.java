package dev.heapchain.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where a phase stands, and the time left by its rate so far. */
class ProgressMeterTest {
    @Test
    void timeLeftFollowsTheRateOnceTheRateMeansSomething() throws InterruptedException {
        ProgressMeter m = new ProgressMeter();
        m.phase("reading the dump", 1000);
        assertEquals(-1, m.secondsLeft(), "nothing done yet");
        m.at(10);
        assertEquals(-1, m.secondsLeft(), "1%: too early to say");
        Thread.sleep(1100);
        m.at(250);
        double left = m.secondsLeft();
        // A quarter in ~1.1 s: three quarters left take ~3.3 s.
        assertTrue(left > 3.0 && left < 4.5, "left " + left);
        assertEquals(25, m.percent());
        m.at(1000);
        assertEquals(0.0, m.secondsLeft(), 1e-9);
        m.accept("computing dominators");
        assertEquals(-1, m.percent(), "a phase without a total has no percent");
        assertEquals(-1, m.secondsLeft());
        assertEquals("computing dominators", m.phase());
    }

    @Test
    void ticksPublishEvery65536thCall() {
        ProgressMeter m = new ProgressMeter();
        m.phase("pass", 1 << 20);
        for (int i = 1; i < 1 << 16; i++) {
            m.tick(i);
        }
        assertEquals(0, m.percent());
        m.tick(1 << 19);
        assertEquals(50, m.percent());
    }
}
