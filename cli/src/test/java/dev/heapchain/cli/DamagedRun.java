package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/**
 * One command on a damaged dump, in-process, and the rules every such run must keep: done within
 * {@link #LIMIT}; exit 0 or 3; no stack trace or OutOfMemoryError; every stderr line is
 * heapchain's own; exit 3 prints exactly one error line.
 */
record DamagedRun(Cli result, String what) {
    static final Duration LIMIT = Duration.ofSeconds(5);

    static DamagedRun of(String what, String... args) {
        Cli r = assertTimeoutPreemptively(LIMIT, () -> Cli.run(args), () -> what + ": took longer than " + LIMIT);
        DamagedRun d = new DamagedRun(r, what);
        assertTrue(r.code() == 0 || r.code() == 3, () -> what + ": exit " + r);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("OutOfMemoryError"),
                () -> what + ": a stack trace or exception name on stderr: " + r);
        for (String line : r.err().split("\n")) {
            assertTrue(line.isEmpty() || line.startsWith("heapchain: "), () -> what + ": stray stderr line: " + line);
        }
        if (r.code() == 3) {
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("heapchain: error: ")).count(), () -> what + ": " + r);
        }
        return d;
    }

    boolean error() {
        return result.code() == 3;
    }

    /** A partial result says so: a truncation warning that names the offset. */
    DamagedRun assertTruncatedOrError() {
        if (!error()) {
            assertTrue(result.err().lines().anyMatch(l -> l.startsWith("heapchain: warning: ") && l.contains("truncated")
                    && l.contains("offset")), () -> what + ": neither exit 3 nor a truncation warning naming the offset: " + result);
        }
        return this;
    }
}
