package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.DumpDamage;
import dev.heapchain.hprof.testing.HprofTag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each outcome has its exit code, and failures say why in one line on stderr with nothing on stdout. */
class ExitCodesTest {
    @TempDir
    Path dir;

    private static void assertFailure(Cli r, ExitCode expected) {
        assertEquals(expected.code(), r.code(), r::toString);
        assertEquals("", r.out(), "nothing on stdout when failing");
        assertTrue(r.err().startsWith("heapchain: "), r::toString);
    }

    @Test
    void success() throws IOException {
        Cli r = Cli.run("histogram", TinyDumps.tiny(dir).toString());
        assertEquals(ExitCode.OK.code(), r.code(), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void usageErrors() throws IOException {
        String dump = TinyDumps.tiny(dir).toString();
        assertFailure(Cli.run(), ExitCode.USAGE);
        assertFailure(Cli.run("no-such-command"), ExitCode.USAGE);
        assertFailure(Cli.run("histogram"), ExitCode.USAGE);
        assertFailure(Cli.run("histogram", "--no-such-option", dump), ExitCode.USAGE);
        assertFailure(Cli.run("histogram", "--top", "0", dump), ExitCode.USAGE);
        assertFailure(Cli.run("histogram", "--top", "many", dump), ExitCode.USAGE);
        assertFailure(Cli.run("histogram", "--dump", "0", dump), ExitCode.USAGE);
        assertFailure(Cli.run("histogram", "--json", dir.resolve("no/such/folder/x.json").toString(), dump), ExitCode.USAGE);
    }

    @Test
    void missingFile() {
        Cli r = Cli.run("histogram", dir.resolve("absent.hprof").toString());
        assertFailure(r, ExitCode.UNREADABLE_DUMP);
        assertTrue(r.err().contains("absent.hprof"), r::toString);
    }

    @Test
    void corruptDump() throws IOException {
        byte[] hprof = TinyDumps.tiny(DumpBuilder.hotspot()).toBytes();
        int segment = DumpDamage.recordIndex(hprof, HprofTag.HEAP_DUMP_SEGMENT, 0);
        Path p = TinyDumps.write(dir, "corrupt.hprof", DumpDamage.insertUnknownSubTag(hprof, segment, 2, 0x8f));
        Cli r = Cli.run("histogram", p.toString());
        assertFailure(r, ExitCode.UNREADABLE_DUMP);
        assertTrue(r.err().contains("0x8f"), r::toString);
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    }

    @Test
    void notAHeapDump() throws IOException {
        Path p = Files.writeString(dir.resolve("notes.txt"), "hello", StandardCharsets.US_ASCII);
        assertFailure(Cli.run("histogram", p.toString()), ExitCode.UNREADABLE_DUMP);
    }

    @Test
    void dumpNumberPastTheLast() throws IOException {
        Cli r = Cli.run("histogram", "--dump", "3", TinyDumps.twoDumps(dir).toString());
        assertFailure(r, ExitCode.UNREADABLE_DUMP);
        assertTrue(r.err().contains("holds 2 heap dumps"), r::toString);
    }
}
