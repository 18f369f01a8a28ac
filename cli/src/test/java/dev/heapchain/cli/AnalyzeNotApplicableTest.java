package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump without the profile's classes: "not applicable" (exit 0 even with --fail-on-suspect), the
 * classes that look like snapshot chains listed with the command that analyzes them, and that
 * command, run as printed, finds the chain.
 */
class AnalyzeNotApplicableTest {
    @TempDir
    Path dir;

    @Test
    void listsTheLookalikeAndItsCommandWorks() throws Exception {
        Path dump = ChainDumps.write(dir, "store.hprof", "com.acme.MetadataSnapshot", "com.acme.Store", "oldest", "main", 40);
        Cli r = Cli.run("analyze", "-q", "--fail-on-suspect", dump.toString());
        assertEquals(ExitCode.OK.code(), r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("VERDICT: not applicable: the dump holds no org.apache.kafka.timeline.Snapshot"), r::toString);
        assertTrue(lines.get(1).contains("Profile automq has nothing to judge here."), r::toString);
        String command = "heapchain analyze " + dump + " --class com.acme.MetadataSnapshot --epoch-field e --link-field next";
        assertTrue(r.out().contains("com.acme.MetadataSnapshot: 40 instances, longest chain 40 (linked by 'next', epoch 'e')"), r::toString);
        assertTrue(r.out().contains("\n      " + command + "\n"), r::toString);

        Cli json = Cli.run("analyze", "-q", "--json", "-", dump.toString());
        AnalyzeSchema.assertValid(json.out());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals("not applicable", doc.at("/verdict/outcome").asText());
        assertTrue(!doc.at("/targets/classesPresent").asBoolean());
        assertEquals(command, doc.at("/discovered/0/command").asText());

        // The printed command, minus the program name, is the analysis of the chain.
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")).subList(1, 9));
        args.add(1, "-q");
        Cli adHoc = Cli.run(args.toArray(String[]::new));
        assertTrue(adHoc.out().startsWith("VERDICT: SUSPECT: "), "40 snapshots, no watermark known:\n" + adHoc);
    }
}
