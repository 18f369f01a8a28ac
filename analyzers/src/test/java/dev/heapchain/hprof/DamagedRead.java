package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.analysis.HistogramPass;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads a damaged dump the way the histogram command does and says how it ended. Any exception
 * other than {@link HprofFormatException} escapes and fails the test; so does a read that takes
 * longer than {@link #LIMIT} (a loop on a bad length) or allocates more than {@link #MAX_ALLOCATION}
 * (an allocation sized from a hostile length).
 *
 * @param histogram  the partial or complete result, or null
 * @param error      the format error, or null
 * @param allocated  bytes the reading thread allocated, or -1 where the JVM cannot say
 */
public record DamagedRead(ClassHistogram histogram, HprofFormatException error, long allocated) {
    static final Duration LIMIT = Duration.ofSeconds(10);
    /** The 4 MiB read buffer and class-table arrays, with a wide margin; a hostile length would ask for GBs. */
    static final long MAX_ALLOCATION = 256L << 20;

    public static DamagedRead of(Path file, String what) {
        DamagedRead r = assertTimeoutPreemptively(LIMIT, () -> {
            long before = allocatedByThisThread();
            try {
                ClassHistogram h = HistogramPass.run(HprofFile.open(file), 0);
                return new DamagedRead(h, null, allocation(before));
            } catch (HprofFormatException e) {
                return new DamagedRead(null, e, allocation(before));
            }
        }, () -> "reading " + what + " took longer than " + LIMIT);
        assertTrue(r.allocated < MAX_ALLOCATION, () -> what + ": allocated " + r.allocated + " bytes");
        if (r.error != null) {
            String m = r.error.getMessage();
            assertTrue(m != null && !m.isBlank(), () -> what + ": empty error message");
            assertFalse(m.contains("\n"), () -> what + ": error message is not one line: " + m);
        }
        return r;
    }

    /** Either a partial result with a truncation warning that names an offset, or a format error. */
    public DamagedRead assertTruncatedOrError(String what) {
        if (error != null) {
            return this;
        }
        assertTrue(histogram.dump().truncated(), () -> what + ": neither an error nor a truncated result; warnings "
                + histogram.dump().warnings());
        assertTrue(histogram.dump().warnings().stream().anyMatch(w -> w.kind().equals("truncated")
                && w.offset() >= 0 && w.message().contains("offset")),
                () -> what + ": no truncation warning naming an offset: " + histogram.dump().warnings());
        return this;
    }

    public ClassHistogram assertResult(String what) {
        if (error != null) {
            fail(what + ": unexpected error: " + error.getMessage(), error);
        }
        return histogram;
    }

    private static long allocation(long before) {
        return before < 0 ? -1 : allocatedByThisThread() - before;
    }

    private static long allocatedByThisThread() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
            return t.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }
}
