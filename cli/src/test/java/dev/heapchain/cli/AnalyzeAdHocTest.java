package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapchain.hprof.testing.DumpBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ad-hoc profiles ({@code --class/--epoch-field/--link-field}) on synthetic MetadataSnapshot chains. */
class AnalyzeAdHocTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    @TempDir
    Path dir;

    private record Dump(String path, SnapshotDumps.Ids ids) {
    }

    private Dump dump(String name, SnapshotDumps.Shape shape) {
        DumpBuilder b = DumpBuilder.hotspot();
        SnapshotDumps.Ids ids = SnapshotDumps.build(b, shape);
        return new Dump(b.writeTo(dir.resolve(name)).toString(), ids);
    }

    private static Cli analyze(String dump, String... options) {
        List<String> args = new ArrayList<>(List.of("analyze", "--quiet"));
        args.addAll(Arrays.asList(SnapshotDumps.AD_HOC));
        args.addAll(Arrays.asList(options));
        args.add(dump);
        return Cli.run(args.toArray(String[]::new));
    }

    private static JsonNode json(String dump, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("--json", "-"));
        args.addAll(Arrays.asList(options));
        Cli r = analyze(dump, args.toArray(String[]::new));
        assertEquals(ExitCode.OK.code(), r.code(), r::toString);
        AnalyzeSchema.assertValid(r.out());
        return MAPPER.readTree(r.out());
    }

    private static String hex(long id) {
        return "0x" + Long.toHexString(id);
    }

    /** The CatchUpTask's pin: class, field, pinned object and its path from the sticky class. */
    private static void assertTaskPin(JsonNode chain, SnapshotDumps.Ids ids) {
        assertEquals(1, chain.get("pins").size(), chain::toPrettyString);
        JsonNode pin = chain.get("pins").get(0);
        assertEquals("direct", pin.get("kind").asText());
        assertEquals("com.example.CatchUpTask", pin.get("holder").get("class").asText());
        assertEquals(hex(ids.task()), pin.get("holder").get("objectId").asText());
        assertEquals("pending", pin.get("field").asText());
        assertEquals(hex(ids.oldest()), pin.get("pinnedObjectId").asText());
        assertEquals("sticky class", pin.get("rootKind").asText());
        JsonNode path = pin.get("pathToHolder");
        assertEquals(2, path.size(), path::toPrettyString);
        assertEquals(hex(ids.taskHolderClass()), path.get(0).get("objectId").asText());
        assertEquals("class com.example.CatchUp", path.get(0).get("class").asText());
        assertTrue(path.get(0).get("field").isNull());
        assertEquals(hex(ids.task()), path.get(1).get("objectId").asText());
        assertEquals("current", path.get(1).get("field").asText());
    }

    @Test
    void taskHoldingEpochZeroIsADirectPin() throws IOException {
        Dump d = dump("pinned.hprof", new SnapshotDumps.Shape(100, SnapshotDumps.Pin.STRONG, false));
        JsonNode root = json(d.path());
        assertEquals("leak", root.at("/verdict/outcome").asText());
        assertEquals(1, root.get("chains").size(), root::toPrettyString);
        JsonNode chain = root.get("chains").get(0);
        assertEquals(100, chain.get("length").asLong());
        assertEquals(0, chain.get("minEpoch").asLong());
        assertEquals(99, chain.get("maxEpoch").asLong());
        assertEquals(hex(d.ids().oldest()), chain.get("oldest").get("objectId").asText());
        // The pin takes away the chain's common dominator; the owner is still the store.
        assertEquals(hex(d.ids().store()), chain.get("container").get("objectId").asText(), chain::toPrettyString);
        assertEquals("Java frame", chain.get("rootKind").asText());
        // The root says which thread, frame and method hold the store: names are shown by default.
        assertEquals("thread \"main\", frame 0: com.example.SnapshotStore.run(SnapshotStore.java:42)", chain.get("rootDetail").asText());
        assertTaskPin(chain, d.ids());
        assertEquals(100, root.at("/groups/0/epochs").size());
        // No owner rule in an ad-hoc profile: the owner is the chain's common dominator, here a GC root.
        assertEquals("SnapshotStore (Java frame root)", chain.at("/owner/label").asText(), chain::toPrettyString);
        assertTrue(chain.get("watermark").isNull());
    }

    @Test
    void pinAloneMakesAShortChainLeak() throws IOException {
        Dump d = dump("short-pinned.hprof", new SnapshotDumps.Shape(10, SnapshotDumps.Pin.STRONG, false));
        JsonNode root = json(d.path());
        List<String> reasons = new ArrayList<>();
        root.get("verdict").get("reasons").forEach(r -> reasons.add(r.get("text").asText()));
        assertEquals(1, reasons.size(), reasons::toString);
        assertEquals("direct-pin", root.at("/verdict/reasons/0/kind").asText());
        assertTrue(reasons.get(0).contains("com.example.CatchUpTask") && reasons.get(0).contains("'pending'"), reasons::toString);
        assertTaskPin(root.get("chains").get(0), d.ids());
        assertEquals(ExitCode.LEAK.code(), analyze(d.path(), "--fail-on-leak").code());
    }

    @Test
    void shortUnpinnedChainIsNoLeak() throws IOException {
        Dump d = dump("short.hprof", new SnapshotDumps.Shape(10, SnapshotDumps.Pin.NONE, false));
        Cli r = analyze(d.path(), "--fail-on-leak");
        assertEquals(ExitCode.OK.code(), r.code(), r::toString);
        assertTrue(r.out().startsWith("VERDICT: no leak: 10 snapshots in 1 chain hold "), r::toString);
        assertTrue(r.out().lines().findFirst().orElse("").contains("; none pinned, none below its owner's trim watermark, none with more "
                + "than 32 waiting"), r::toString);
        JsonNode root = json(d.path());
        assertEquals("no leak", root.at("/verdict/outcome").asText());
        JsonNode chain = root.get("chains").get(0);
        assertEquals(hex(d.ids().store()), chain.get("container").get("objectId").asText());
        assertEquals(0, chain.get("pins").size());
        // The oldest snapshot is reached through the whole chain: store, then 10 snapshots.
        assertEquals(11, chain.get("pathToOldest").size());
        assertEquals("prev", chain.get("pathToOldest").get(10).get("field").asText());
    }

    @Test
    void longUnpinnedChainIsSuspectNeverLeak() {
        String d = dump("ten.hprof", new SnapshotDumps.Shape(10, SnapshotDumps.Pin.NONE, false)).path();
        assertEquals(ExitCode.OK.code(), analyze(d, "--fail-on-suspect", "--max-snapshots", "10").code());
        Cli r = analyze(d, "--fail-on-leak", "--max-snapshots", "9");
        assertEquals(ExitCode.OK.code(), r.code(), "a long chain is no evidence of a leak:\n" + r);
        assertTrue(r.out().startsWith("VERDICT: SUSPECT: SnapshotStore (Java frame root) holds "), r::toString);
        assertTrue(r.out().lines().findFirst().orElse("").contains(" because it holds 10 snapshots and no trim watermark is known; look at "),
                r::toString);
        assertTrue(r.out().contains("holds 10 snapshots (epochs 0 to 9), more than 9, and no trim watermark is known"), r::toString);
        Cli strict = analyze(d, "--fail-on-suspect", "--max-live-epochs", "9");
        assertEquals(ExitCode.LEAK.code(), strict.code(), "--fail-on-suspect fails on SUSPECT (old option name kept):\n" + strict);
    }

    @Test
    void suspectFailsTheJUnitCaseOnlyWithFailOnSuspect() throws IOException {
        String d = dump("ten-junit.hprof", new SnapshotDumps.Shape(10, SnapshotDumps.Pin.NONE, false)).path();
        Path lenient = dir.resolve("lenient.xml");
        assertEquals(ExitCode.OK.code(), analyze(d, "--max-snapshots", "9", "--junit", lenient.toString()).code());
        JUnitSchema.assertValid(lenient);
        String xml = java.nio.file.Files.readString(lenient);
        assertFalse(xml.contains("<failure"), xml);
        assertTrue(xml.contains("verdict: SUSPECT") && xml.contains("[suspect] "), "the reasons stay in the case's output:\n" + xml);
        Path strict = dir.resolve("strict.xml");
        assertEquals(ExitCode.LEAK.code(), analyze(d, "--max-snapshots", "9", "--fail-on-suspect", "--junit", strict.toString()).code());
        assertTrue(java.nio.file.Files.readString(strict).contains("<failure message=\"[suspect] "), java.nio.file.Files.readString(strict));
    }

    @Test
    void boxedLongEpochIsRead() throws IOException {
        Dump d = dump("boxed.hprof", new SnapshotDumps.Shape(100, SnapshotDumps.Pin.STRONG, true));
        JsonNode root = json(d.path());
        assertEquals("leak", root.at("/verdict/outcome").asText());
        assertEquals(100, root.at("/targets/snapshots").asLong());
        JsonNode epochs = root.at("/groups/0/epochs");
        assertEquals(100, epochs.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, epochs.get(i).get("epoch").asLong());
            assertEquals(1, epochs.get(i).get("count").asLong());
        }
        assertTaskPin(root.get("chains").get(0), d.ids());
    }

    @Test
    void boxedShortChainIsNoLeak() throws IOException {
        Dump d = dump("boxed-short.hprof", new SnapshotDumps.Shape(10, SnapshotDumps.Pin.NONE, true));
        JsonNode root = json(d.path());
        assertEquals("no leak", root.at("/verdict/outcome").asText(), root::toPrettyString);
        assertEquals(9, root.get("chains").get(0).get("maxEpoch").asLong());
    }

    @Test
    void weakReferenceIsAPinOnlyWithKeepWeak() throws IOException {
        Dump d = dump("weak.hprof", new SnapshotDumps.Shape(10, SnapshotDumps.Pin.WEAK, false));
        JsonNode plain = json(d.path());
        assertEquals("no leak", plain.at("/verdict/outcome").asText(), "a weak reference keeps nothing alive:\n" + plain.toPrettyString());
        assertFalse(plain.get("graph").get("weakReferencesKept").asBoolean());
        JsonNode kept = json(d.path(), "--keep-weak");
        assertTrue(kept.get("graph").get("weakReferencesKept").asBoolean());
        JsonNode pin = kept.get("chains").get(0).get("pins").get(0);
        assertEquals("java.lang.ref.WeakReference", pin.get("holder").get("class").asText(), kept::toPrettyString);
        assertEquals("referent", pin.get("field").asText());
        assertEquals(hex(d.ids().oldest()), pin.get("pinnedObjectId").asText());
        assertEquals("pending", pin.get("pathToHolder").get(2).get("field").asText(), "held by the task's pending field");
    }

    @Test
    void epochRetainedSizesFollowTheChain() throws IOException {
        // Snapshot i reaches every older one through prev, so newer epochs retain more.
        JsonNode epochs = json(dump("ten-sizes.hprof", new SnapshotDumps.Shape(10, SnapshotDumps.Pin.NONE, false)).path())
                .at("/groups/0/epochs");
        for (int i = 1; i < epochs.size(); i++) {
            assertTrue(epochs.get(i).get("retainedBytes").asLong() > epochs.get(i - 1).get("retainedBytes").asLong(),
                    epochs::toPrettyString);
        }
        assertEquals("byte[]", epochs.get(9).get("topRetainedClasses").get(0).get("class").asText());
    }
}
