package dev.heapchain.report;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnitsTest {
    @Test
    void countGroupsDigitsAsTheRootLocaleFormatterDoes() {
        long[] fixed = {0, 1, -1, 9, 10, 99, 100, 999, 1_000, -1_000, 9_999, 10_000, 123_456, 999_999, 1_000_000,
                -1_234_567, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (long n : fixed) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), Units.count(n), "n = " + n);
        }
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long n = r.nextLong() >> r.nextInt(64);
            assertEquals(String.format(Locale.ROOT, "%,d", n), Units.count(n), "n = " + n);
        }
    }
}
