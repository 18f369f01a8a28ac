package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.testing.DumpDamage;
import dev.heapchain.hprof.testing.HprofTag;
import dev.heapchain.hprof.testing.LinkChainWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage seen in the field, each case through the commands in a child JVM with the launcher's
 * memory settings: the outcome (a partial result with one warning about it, or exit 3 with one
 * line), the time, the peak resident memory, and an empty temp folder afterwards. Big zero files
 * are holes and the gzip bombs are built in a moment (DumpDamage), so the whole corpus costs
 * seconds and no disk.
 */
class DamageCorpusTest {
    /** Wall time of one child run, JVM start included; the old code took 31 to 80 s on these. */
    static final Duration LIMIT = Duration.ofSeconds(15);
    /** Peak RSS of one run: "a few hundred MB at most"; the old code reached 3.8 and 6.2 GB. */
    static final long MAX_RSS_MB = 300;

    @TempDir
    static Path dir;
    @TempDir
    Path tmp;
    /** About 20 MB: a dump of 600,000 objects, as in the field report. */
    private static byte[] big;
    private static byte[] small;

    @BeforeAll
    static void dumps() throws IOException {
        big = Files.readAllBytes(LinkChainWriter.chain(dir.resolve("big.hprof"), 600_000));
        small = Files.readAllBytes(LinkChainWriter.chain(dir.resolve("small.hprof"), 20_000));
    }

    private ChildJvm.Outcome run(String what, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--tmp", tmp.toString()));
        ChildJvm.Outcome o = ChildJvm.run(dir.resolve("child.log"), ChildJvm.LAUNCHER_OPTIONS, LIMIT, all.toArray(String[]::new));
        String label = what + ": " + String.join(" ", args) + ": " + o;
        assertTrue(o.exit() == 0 || o.exit() == 3, label);
        assertTrue(o.seconds() < LIMIT.toSeconds(), label);
        if (o.peakRssKiB() >= 0) {
            assertTrue(o.peakRssKiB() >> 10 < MAX_RSS_MB, label);
        }
        assertFalse(o.output().contains("\tat ") || o.output().contains("Exception") || o.output().contains("OutOfMemory"), label);
        List<String> stderr = o.output().lines().filter(l -> l.startsWith("heapchain: ")).toList();
        if (o.exit() == 3) {
            assertEquals(1, stderr.size(), label);
            assertTrue(stderr.get(0).startsWith("heapchain: error: "), label);
        }
        CompressedDamageTest.assertEmpty(tmp);
        System.out.printf("damage: %s, %s: exit %d, %.1f s, peak RSS %s%n", what, args[0], o.exit(), o.seconds(),
                o.peakRssKiB() < 0 ? "unknown" : (o.peakRssKiB() >> 10) + " MB");
        return o;
    }

    /** Exit 0, and exactly one warning line about the damage, which says {@code words}. */
    private void partial(String what, Path file, String words, String... commands) throws Exception {
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(command, file.toString()));
            if (command.equals("paths")) {
                args.addAll(List.of("--class", "test.Link", "--limit", "1"));
            }
            ChildJvm.Outcome o = run(what, args.toArray(String[]::new));
            assertEquals(0, o.exit(), what + ": " + o);
            List<String> warnings = o.output().lines().filter(l -> l.startsWith("heapchain: warning: ")).toList();
            assertEquals(1, warnings.stream().filter(l -> l.contains(words)).count(), what + ": " + o);
            assertTrue(warnings.size() <= 2, what + ": at most the damage and a missing heap dump: " + o);
        }
    }

    private void error(String what, Path file, String words) throws Exception {
        for (String command : new String[] {"histogram", "analyze"}) {
            ChildJvm.Outcome o = run(what, command, file.toString());
            assertEquals(3, o.exit(), what + ": " + o);
            assertTrue(o.output().contains(words), what + ": " + o);
        }
    }

    private static int subRecordNear(byte[] hprof, double share) {
        List<DumpDamage.Span> records = DumpDamage.records(hprof);
        int index = -1;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).tag() == HprofTag.HEAP_DUMP_SEGMENT && records.get(i).offset() < hprof.length * share) {
                index = i;
            }
        }
        List<DumpDamage.Span> subs = DumpDamage.subRecords(hprof, index);
        return subs.get(subs.size() / 2).offset();
    }

    @Test
    void twentyMegabytesThenFiftyMegabytesOfZerosInEveryCommand() throws Exception {
        int at = subRecordNear(big, 0.99);
        Path p = DumpDamage.zeroTail(dir.resolve("tail.hprof"), big, at, 50_000_000);
        partial("a zero tail at a sub-record", p, "the remaining 50,000,000 bytes are zeros: the dump was not finished",
                "histogram", "top", "paths", "analyze");
    }

    /**
     * The same checks in-process (DamagedRun: exit, one line, no trace, 5 s) for cases whose memory
     * is that of a cut at the same place, which the truncation sweep covers.
     */
    private void partialInProcess(String what, Path file, String words) throws IOException {
        for (String command : new String[] {"histogram", "analyze"}) {
            DamagedRun r = DamagedRun.of(what + ": " + command, command, file.toString(), "--tmp", tmp.toString());
            assertEquals(0, r.result().code(), r.result()::toString);
            r.assertTruncatedOrError();
            assertEquals(1, r.result().err().lines().filter(l -> l.contains(words)).count(), r.result()::toString);
            CompressedDamageTest.assertEmpty(tmp);
        }
    }

    @Test
    void zeroTailAtARecordAndInsideOne() throws Exception {
        int segment = DumpDamage.records(small).get(DumpDamage.recordIndex(small, HprofTag.HEAP_DUMP_SEGMENT, 0)).offset();
        partialInProcess("a zero tail at a record", DumpDamage.zeroTail(dir.resolve("record.hprof"), small, segment, 1 << 20),
                "bytes are zeros");
        int inside = subRecordNear(small, 0.5) + 13; // inside an instance's class id
        partialInProcess("a zero tail inside a record", DumpDamage.zeroTail(dir.resolve("inside.hprof"), small, inside, 1 << 20),
                "bytes are zeros");
        byte[] gz = DumpDamage.gzip(Files.readAllBytes(dir.resolve("inside.hprof")));
        partialInProcess("gzip of a zero tail inside a record", Files.write(dir.resolve("inside.hprof.gz"), gz), "bytes are zeros");
    }

    @Test
    void zeroRunInTheMiddle() throws Exception {
        int at = subRecordNear(small, 0.5);
        partialInProcess("zeros in the middle", DumpDamage.zeroRun(dir.resolve("hole.hprof"), small, at, 1 << 20),
                "is not read: the dump was not finished, or that part of it was lost");
    }

    @Test
    void aHeaderThenTwoHundredMegabytesOfZeros() throws Exception {
        Path p = DumpDamage.zeroTail(dir.resolve("header.hprof"), small, DumpDamage.headerLength(small), 200_000_000);
        partial("a header, then zeros", p, "bytes are zeros", "histogram", "analyze");
    }

    @Test
    void aLongRunOfOneUnknownTag() throws Exception {
        int first = DumpDamage.recordIndex(small, HprofTag.HEAP_DUMP_SEGMENT, 0);
        byte[] flood = DumpDamage.insertRecords(small, first, DumpDamage.unknownRecords(0x42, 2_000_000, 0));
        error("a flood of one unknown tag", Files.write(dir.resolve("flood.hprof"), flood),
                "unknown top-level records in a row");
    }

    @Test
    void gzipOfAHeaderThenTwoGigabytesOfZeros() throws Exception {
        Path gz = DumpDamage.gzipWithZeros(dir.resolve("bomb.hprof.gz"), Arrays.copyOf(small, DumpDamage.headerLength(small)),
                2L << 30);
        partial("gzip of zeros", gz, "bytes are zeros", "histogram", "analyze");
        Files.delete(gz);
    }

    @Test
    void gzipWithABadTrailer() throws Exception {
        Path gz = Files.write(dir.resolve("trailer.hprof.gz"), DumpDamage.corruptTrailer(DumpDamage.gzip(small)));
        partial("a bad gzip trailer", gz, "does not match the data before it", "histogram", "analyze");
    }
}
