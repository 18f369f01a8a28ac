package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad analyze options exit 2 and unreadable dumps 3, with a message on stderr and nothing on
 * stdout; a minimal valid profile file works.
 */
class AnalyzeUsageTest {
    @TempDir
    Path dir;
    private String dump;

    @BeforeEach
    void write() {
        dump = SnapshotDumps.write(dir.resolve("s.hprof"), new SnapshotDumps.Shape(10, SnapshotDumps.Pin.NONE, false)).toString();
    }

    private static Cli assertUsage(String... args) {
        Cli r = Cli.run(args);
        assertEquals(ExitCode.USAGE.code(), r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("heapchain: "), r::toString);
        return r;
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Exactly one line on stderr, which names the file. */
    private static void assertOneLine(Cli r, Path file) {
        assertEquals(1, r.err().strip().lines().count(), r::toString);
        assertTrue(r.err().contains(file.toString()), r::toString);
    }

    @Test
    void adHocNeedsBothClassAndEpochField() {
        assertUsage("analyze", "--class", SnapshotDumps.SNAPSHOT, dump);
        assertUsage("analyze", "--epoch-field", "provenance.offset", dump);
        assertUsage("analyze", "--link-field", "prev", dump);
    }

    @Test
    void unknownBuiltInProfile() {
        Cli r = assertUsage("analyze", "--profile", "no-such-profile", dump);
        assertTrue(r.err().contains("no built-in profile named no-such-profile"), r::toString);
    }

    @Test
    void profileFileWithInvalidJson() throws IOException {
        Path p = file("broken.json", "{\"targetClasses\": [\"com.example.MetadataSnapshot\"],\n  \"epochField\": ");
        Cli r = assertUsage("analyze", "--profile-file", p.toString(), dump);
        assertOneLine(r, p);
        assertTrue(r.err().contains("line 2"), r::toString);
    }

    @Test
    void profileFileThatIsNotAProfile() throws IOException {
        assertOneLine(assertUsage("analyze", "--profile-file", file("a.json", "[1, 2]").toString(), dump), dir.resolve("a.json"));
        Path noEpoch = file("b.json", "{\"targetClasses\": [\"x\"]}");
        assertTrue(assertUsage("analyze", "--profile-file", noEpoch.toString(), dump).err().contains("epochField"));
        Path unknown = file("c.json", "{\"targetClasses\": [\"x\"], \"epochField\": \"e\", \"epochFeild\": \"e\"}");
        assertTrue(assertUsage("analyze", "--profile-file", unknown.toString(), dump).err().contains("epochFeild"));
        Path bookkeeping = file("d.json", "{\"targetClasses\": [\"x\"], \"epochField\": \"e\", \"bookkeeping\": {\"epochField\": \"e\"}}");
        assertOneLine(assertUsage("analyze", "--profile-file", bookkeeping.toString(), dump), bookkeeping);
        Cli missing = assertUsage("analyze", "--profile-file", dir.resolve("absent.json").toString(), dump);
        assertTrue(missing.err().contains("no such file"), missing::toString);
    }

    @Test
    void profileFileAndAdHocTogether() throws IOException {
        Path p = file("p.json", "{\"targetClasses\": [\"x\"], \"epochField\": \"e\"}");
        String[] adHoc = SnapshotDumps.AD_HOC;
        assertUsage("analyze", "--profile-file", p.toString(), adHoc[0], adHoc[1], adHoc[2], adHoc[3], dump);
    }

    @Test
    void maxSnapshotsMustBePositive() {
        Cli r = assertUsage("analyze", "--max-live-epochs", "0", dump);
        assertTrue(r.err().contains("--max-snapshots must be 1 or more"), r::toString);
        assertUsage("analyze", "--max-snapshots", "0", dump);
        assertUsage("analyze", "--max-live-epochs", "-3", dump);
        assertUsage("analyze", "--max-live-epochs", "many", dump);
        // Options are checked before the dump is read.
        assertUsage("analyze", "--max-live-epochs", "0", dir.resolve("absent.hprof").toString());
    }

    @Test
    void unreadableDumpExitsThree() throws IOException {
        for (Path p : new Path[]{dir.resolve("absent.hprof"), file("notes.txt", "not a heap dump")}) {
            Cli r = Cli.run("analyze", p.toString());
            assertEquals(ExitCode.UNREADABLE_DUMP.code(), r.code(), r::toString);
            assertEquals("", r.out(), r::toString);
            assertEquals(1, r.err().strip().lines().count(), r::toString);
            assertTrue(r.err().contains(p.getFileName().toString()), r::toString);
        }
    }

    @Test
    void profileFileWithOnlyTheRequiredContainerParts() throws IOException {
        // A container's "fields" are optional (any field owns): leaving them out must not crash.
        Path p = file("store.json", """
                {"targetClasses": ["com.example.MetadataSnapshot"], "epochField": "provenance.offset",
                 "linkFields": ["prev"], "container": {"classes": ["com.example.SnapshotStore"]}}
                """);
        Cli r = Cli.run("analyze", "--quiet", "--fail-on-leak", "--profile-file", p.toString(), "--json", "-", dump);
        assertEquals(ExitCode.OK.code(), r.code(), r::toString);
        AnalyzeSchema.assertValid(r.out());
        assertTrue(r.out().contains("\"class\" : \"com.example.SnapshotStore\""), r::toString);
    }
}
