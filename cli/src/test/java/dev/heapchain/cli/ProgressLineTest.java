package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The progress line's words: phase, percent, time left in the phase, time so far. */
class ProgressLineTest {
    @Test
    void saysThePhaseThePercentAndTheTimeLeft() {
        assertEquals("heapchain: reading the dump... 43%, about 12 s left in this phase, 31 s so far",
                Progress.line("reading the dump", 43, 12.4, 31.2));
        assertEquals("heapchain: resolving references... 5%, about 4 min left in this phase, 20 s so far",
                Progress.line("resolving references", 5, 250, 20));
        assertEquals("heapchain: reading the dump... 1%, 3 s so far", Progress.line("reading the dump", 1, -1, 3));
        assertEquals("heapchain: computing dominators... 9 s so far", Progress.line("computing dominators", -1, -1, 9));
        assertEquals("heapchain: pass... 99%, about 1 s left in this phase, 9 s so far", Progress.line("pass", 99, 0.2, 9));
    }
}
