package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeated warnings are kept a few times per group, then counted; memory stays bounded whatever comes. */
class HprofWarningsTest {
    private static HprofWarning tag(long offset) {
        return new HprofWarning("unknown-tag", offset, "skipped unknown top-level tag 0x0 at offset " + offset);
    }

    @Test
    void aFewOfAGroupThenOneSummaryAfterThem() {
        HprofWarnings w = new HprofWarnings();
        for (long i = 0; i < 2_222_224; i++) {
            assertEquals(i < HprofWarnings.SHOWN, w.add(tag(31 + 9 * i), "unknown top-level tags 0x0"));
            if (i == 2) {
                w.add(new HprofWarning("long-string", 5, "skipped a string"), "long strings");
            }
        }
        w.add(new HprofWarning("truncated", 200_000_029, "truncated: the end"), "truncated");
        List<HprofWarning> list = w.list();
        assertEquals(HprofWarnings.SHOWN + 3, list.size(), list::toString);
        assertEquals("long-string", list.get(3).kind(), "kept in the order they came");
        HprofWarning summary = list.get(HprofWarnings.SHOWN + 1);
        assertEquals("unknown-tag", summary.kind());
        assertEquals("... and 2,222,219 more unknown top-level tags 0x0 between offsets 76 and 20,000,038", summary.message());
        assertEquals(76, summary.offset(), "the first offset it stands for");
        assertEquals("truncated", list.get(list.size() - 1).kind());
    }

    @Test
    void groupsPastTheLimitShareOne() {
        HprofWarnings w = new HprofWarnings();
        for (int g = 0; g < 1_000; g++) {
            for (int i = 0; i < 10; i++) {
                w.add(new HprofWarning("missing-class", -1, "class " + g + "/" + i), "group " + g);
            }
        }
        List<HprofWarning> list = w.list();
        assertEquals(HprofWarnings.MAX_GROUPS * (HprofWarnings.SHOWN + 1) + HprofWarnings.SHOWN + 1, list.size());
        assertTrue(list.get(list.size() - 1).message().startsWith("... and "), list.get(list.size() - 1)::message);
        assertTrue(list.get(list.size() - 1).message().endsWith(" more warnings of other kinds"), list.get(list.size() - 1)::message);
        assertFalse(list.get(list.size() - 1).message().contains("offset"), "no offsets where none were given");
    }
}
