package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;
import dev.heapchain.hprof.testing.LinkChainWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paths --class} writes the targets' GC-root paths as one merged tree (heapchain.paths/2):
 * a chain of snapshots, each reached through the one before, costs one line per snapshot instead
 * of the sum of all path lengths (which for 2,000 snapshots was 250 MB of JSON).
 */
class PathsMergedTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aChainOfTwoThousandSnapshotsIsAFewHundredKilobytesAndListsEachOnce() throws Exception {
        Path dump = SnapshotDumps.write(dir.resolve("chain.hprof"), new SnapshotDumps.Shape(2_000, SnapshotDumps.Pin.NONE, false));
        String[] args = {"paths", dump.toString(), "--class", SnapshotDumps.SNAPSHOT, "--limit", "1000000", "-q"};
        Cli json = Cli.run(concat(args, "--json", "-"));
        assertEquals(0, json.code(), json::toString);
        assertTrue(json.out().length() < 2_000_000, "JSON of " + json.out().length() + " chars");
        JsonNode doc = MAPPER.readTree(json.out());
        assertEquals("heapchain.paths/2", doc.get("schema").asText());
        assertEquals(2_000, doc.get("instances").asInt());
        JsonNode targets = doc.get("targets");
        JsonNode nodes = doc.get("nodes");
        assertEquals(2_000, targets.size());
        assertEquals(2_001, nodes.size(), "the store and each snapshot once");
        Set<String> ids = new HashSet<>();
        for (int t = 0; t < targets.size(); t++) {
            JsonNode target = targets.get(t);
            assertTrue(ids.add(target.get("objectId").asText()), "listed twice: " + target);
            JsonNode node = nodes.get(target.get("node").asInt());
            assertEquals(t, node.get("target").asInt(), "the node points back at its target");
            assertEquals(target.get("objectId"), node.get("objectId"));
            assertEquals(t + 1, target.get("depth").asInt(), "the newest is held by the store, each older by prev");
            assertEquals("Java frame", target.get("rootKind").asText());
        }
        int marked = 0;
        for (JsonNode n : nodes) {
            marked += n.get("target").isNull() ? 0 : 1;
        }
        assertEquals(2_000, marked, "each target is marked on exactly one node");

        // The deepest target's path, read back through the parents, is paths --object's path.
        JsonNode oldest = targets.get(targets.size() - 1);
        Cli single = Cli.run("paths", dump.toString(), "--object", oldest.get("objectId").asText(), "--json", "-", "-q");
        assertEquals(0, single.code(), single::toString);
        JsonNode one = MAPPER.readTree(single.out());
        assertEquals("heapchain.paths/1", one.get("schema").asText(), "--object keeps its document");
        assertEquals(one.at("/objects/0/path/steps"), stepsOf(nodes, oldest.get("node").asInt()));
        assertEquals(one.at("/objects/0/path/rootKind"), oldest.get("rootKind"));
        assertEquals(one.at("/objects/0/path/rootDetail"), oldest.get("rootDetail"));
        assertEquals(one.at("/objects/0/retainedBytes"), oldest.get("retainedBytes"));

        Cli text = Cli.run(args);
        assertEquals(0, text.code(), text::toString);
        assertTrue(text.out().length() < 500_000, "text of " + text.out().length() + " chars");
        for (int rank = 1; rank <= 2_000; rank++) {
            String mark = "[#" + rank + ": ";
            int at = text.out().indexOf(mark);
            assertTrue(at > 0 && text.out().indexOf(mark, at + 1) < 0, mark + " once");
        }
        assertTrue(text.out().contains("\n2,001 objects on the paths from 1 GC root, each written once;"), text.out());
        assertEquals(json.out(), Cli.run(concat(args, "--json", "-")).out(), "byte-identical between runs");
        assertEquals(text.out(), Cli.run(args).out(), "byte-identical between runs");
    }

    /** Root first, as heapchain.paths/1 writes a path's steps. */
    private static JsonNode stepsOf(JsonNode nodes, int node) {
        List<JsonNode> up = new ArrayList<>();
        for (JsonNode n = nodes.get(node); ; n = nodes.get(n.get("parent").asInt())) {
            up.add(MAPPER.createObjectNode().put("objectId", n.get("objectId").asText()).put("class", n.get("class").asText())
                    .set("field", n.get("field")));
            if (n.get("parent").isNull()) {
                break;
            }
        }
        var steps = MAPPER.createArrayNode();
        for (int i = up.size() - 1; i >= 0; i--) {
            steps.add(up.get(i));
        }
        return steps;
    }

    /** Ids of the branching dump's objects. */
    private record Branching(Path dump, long registry, long a, long b, long t1, long t2, long t3, long stray, long t4, long t5) {
    }

    /**
     * A registry on the main thread's stack with two buckets: bucket b holds the largest item,
     * bucket a the next two, so the tree forks at the registry and again at a. A static field
     * holds a fourth item (a second tree), and a fifth is unreachable.
     */
    private Branching branching() {
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass item = b.newClass("com.example.Item").instanceField("payload", BasicType.OBJECT);
        HeapClass bucket = b.newClass("com.example.Bucket").instanceField("first", BasicType.OBJECT)
                .instanceField("second", BasicType.OBJECT);
        HeapClass registry = b.newClass("com.example.Registry").instanceField("a", BasicType.OBJECT)
                .instanceField("b", BasicType.OBJECT);
        HeapInstance t1 = b.newInstance(item).set("payload", b.primitiveArray(new byte[100]));
        HeapInstance t2 = b.newInstance(item).set("payload", b.primitiveArray(new byte[50]));
        HeapInstance t3 = b.newInstance(item).set("payload", b.primitiveArray(new byte[200]));
        HeapInstance t4 = b.newInstance(item).set("payload", b.primitiveArray(new byte[10]));
        HeapInstance t5 = b.newInstance(item);
        HeapInstance bucketA = b.newInstance(bucket).set("first", t1).set("second", t2);
        HeapInstance bucketB = b.newInstance(bucket).set("first", t3);
        HeapInstance r = b.newInstance(registry).set("a", bucketA).set("b", bucketB);
        int thread = b.thread("main", b.frame("run", "()V", "Registry.java", registry, 7));
        b.rootJavaFrame(r.id(), thread, 0);
        HeapClass stray = b.newClass("com.example.Stray").staticField("item", BasicType.OBJECT, t4);
        b.rootStickyClass(stray);
        return new Branching(b.writeTo(dir.resolve("branching.hprof")), r.id(), bucketA.id(), bucketB.id(), t1.id(),
                t2.id(), t3.id(), stray.id(), t4.id(), t5.id());
    }

    @Test
    void twoSubtreesSharingAPrefixAreDrawnAsBranches() throws Exception {
        Branching d = branching();
        String[] args = {"paths", d.dump().toString(), "--class", "com.example.Item", "-q"};
        Cli text = Cli.run(args);
        assertEquals(0, text.code(), text::toString);
        List<String> lines = text.out().lines().toList();
        int title = lines.indexOf("Paths from GC roots to 5 of 5 instances of com.example.Item (largest retained size first), merged:");
        assertTrue(title > 0, text.out());
        List<String> body = lines.subList(title + 1, lines.size());
        assertEquals("8 objects on the paths from 2 GC roots, each written once; targets are marked [#rank].", body.get(0));
        assertEquals("", body.get(1));
        assertTrue(body.get(2).startsWith("GC root: Java frame (thread "), body.get(2));
        String[] expected = {
                "  com.example.Registry " + hex(d.registry()),
                "  + .b -> com.example.Bucket " + hex(d.b()),
                "    .first -> com.example.Item " + hex(d.t3()) + "  [#1: retained ",
                "  + .a -> com.example.Bucket " + hex(d.a()),
                "    + .first -> com.example.Item " + hex(d.t1()) + "  [#2: retained ",
                "    + .second -> com.example.Item " + hex(d.t2()) + "  [#3: retained ",
                "",
                "GC root: sticky class",
                "  class com.example.Stray " + hex(d.stray()),
                "  .item -> com.example.Item " + hex(d.t4()) + "  [#4: retained ",
                "",
                "Not reachable from any GC root:",
                "  [#5] com.example.Item " + hex(d.t5()) + ", shallow "};
        assertEquals(3 + expected.length, body.size(), text.out());
        for (int i = 0; i < expected.length; i++) {
            String line = body.get(3 + i);
            assertTrue(expected[i].isEmpty() ? line.isEmpty() : line.startsWith(expected[i]),
                    "line " + i + ": expected " + expected[i] + "\n" + text.out());
        }

        Cli json = Cli.run(concat(args, "--json", "-"));
        assertEquals(0, json.code(), json::toString);
        JsonNode doc = MAPPER.readTree(json.out());
        JsonNode nodes = doc.get("nodes");
        long[] preorder = {d.registry(), d.b(), d.t3(), d.a(), d.t1(), d.t2(), d.stray(), d.t4()};
        String[] fields = {null, "b", "first", "a", "first", "second", null, "item"};
        Integer[] parents = {null, 0, 1, 0, 3, 3, null, 6};
        Integer[] targetOf = {null, null, 0, null, 1, 2, null, 3};
        assertEquals(preorder.length, nodes.size(), json.out());
        for (int i = 0; i < preorder.length; i++) {
            JsonNode n = nodes.get(i);
            assertEquals(hex(preorder[i]), n.get("objectId").asText(), "node " + i);
            assertEquals(fields[i], n.get("field").isNull() ? null : n.get("field").asText(), "node " + i);
            assertEquals(parents[i], n.get("parent").isNull() ? null : n.get("parent").asInt(), "node " + i);
            assertEquals(targetOf[i], n.get("target").isNull() ? null : n.get("target").asInt(), "node " + i);
        }
        assertEquals(2, doc.get("roots").size());
        assertEquals(0, doc.at("/roots/0/node").asInt());
        assertEquals("Java frame", doc.at("/roots/0/rootKind").asText());
        assertEquals(6, doc.at("/roots/1/node").asInt());
        assertEquals("sticky class", doc.at("/roots/1/rootKind").asText());
        assertTrue(doc.at("/roots/1/rootDetail").isNull());
        int[] depths = {2, 2, 2, 1};
        for (int t = 0; t < 4; t++) {
            assertEquals(depths[t], doc.at("/targets/" + t + "/depth").asInt(), "target " + t);
        }
        JsonNode unreachable = doc.at("/targets/4");
        assertEquals(hex(d.t5()), unreachable.get("objectId").asText());
        for (String field : new String[]{"node", "depth", "retainedBytes", "rootKind", "rootDetail"}) {
            assertTrue(unreachable.get(field).isNull(), field + " of " + unreachable);
        }
        // Every reachable target's path, read through the parents, is the one --object gives.
        for (int t = 0; t < 4; t++) {
            JsonNode target = doc.at("/targets/" + t);
            JsonNode one = MAPPER.readTree(Cli.run("paths", d.dump().toString(), "--object", target.get("objectId").asText(),
                    "--json", "-", "-q").out());
            assertEquals(one.at("/objects/0/path/steps"), stepsOf(nodes, target.get("node").asInt()), "target " + t);
            assertEquals(one.at("/objects/0/path/rootDetail"), target.get("rootDetail"), "target " + t);
        }
    }

    @Test
    void forksNestedPastTheIndentLimitSayWhereTheyHang() throws Exception {
        // A comb: fork i holds a leaf and fork i+1, so every fork is a branch point, 40 deep.
        int forks = 40;
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass leaf = b.newClass("com.example.Leaf");
        HeapClass fork = b.newClass("com.example.Fork").instanceField("leaf", BasicType.OBJECT)
                .instanceField("rest", BasicType.OBJECT);
        HeapInstance next = null;
        long[] forkIds = new long[forks];
        for (int i = forks - 1; i >= 0; i--) {
            next = b.newInstance(fork).set("leaf", b.newInstance(leaf)).set("rest", next);
            forkIds[i] = next.id();
        }
        b.rootJniGlobal(next.id(), 0x1000);
        Path dump = b.writeTo(dir.resolve("comb.hprof"));
        Cli text = Cli.run("paths", dump.toString(), "--class", "com.example.Leaf", "--limit", "100", "-q");
        assertEquals(0, text.code(), text::toString);
        int widest = 0;
        int named = 0;
        for (String line : text.out().lines().toList()) {
            if (!line.contains(" -> ")) {
                continue;
            }
            widest = Math.max(widest, line.indexOf('.'));
            if (line.contains("(branch level ")) {
                named++;
                int level = Integer.parseInt(line.replaceAll(".*\\(branch level (\\d+), under 0x[0-9a-f]+\\)$", "$1"));
                assertTrue(level > 32, line);
                // The fork at level L is the (L-1)th below the root: its branch hangs under fork L-1.
                assertTrue(line.endsWith("under " + hex(forkIds[level - 1]) + ")"), line);
            }
        }
        assertEquals(2 * 32 + 2, widest, "the indent stops at 32 levels:\n" + text.out());
        // Levels 33..39 each start two branches (a fork and the leaf beside it); the last fork's
        // leaf is its only child, so no branch.
        assertEquals(2 * (forks - 1 - 32), named, text.out());
    }

    @Test
    void aMillionDeepChainIsWrittenWithoutRecursion() throws Exception {
        int length = 1_000_000;
        Path dump = LinkChainWriter.chain(dir.resolve("links.hprof"), length);
        String[] args = {"paths", dump.toString(), "--class", "test.Link", "--limit", "1000000", "-q"};
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Sink text = run(args);
            // Header, title, summary, a blank line, the root line, then one line per link.
            assertTrue(text.lines >= length + 5 && text.lines <= length + 8, text.lines + " lines");
            // A step's line is ~90 characters, the header's (with the temp folder's path) ~250; an
            // indent per step would make the last line a million characters long.
            assertTrue(text.longestLine < 500, "no indent per step: longest line " + text.longestLine);
            assertTrue(text.tail().contains(".next -> test.Link " + hex(LinkChainWriter.id(length - 1)) + "  [#1000000: "),
                    text.tail());
            Sink json = run(concat(args, "--json", "-"));
            assertTrue(json.chars < 450L * length, json.chars + " chars");
            String tail = json.tail();
            assertTrue(tail.contains("\"objectId\" : \"" + hex(LinkChainWriter.id(length - 1)) + "\"")
                    && tail.contains("\"parent\" : " + (length - 2)) && tail.contains("\"target\" : " + (length - 1)), tail);
        });
    }

    private static Sink run(String... args) {
        Sink sink = new Sink();
        PrintWriter err = new PrintWriter(new java.io.StringWriter(), true);
        int code = Main.run(args, new PrintWriter(sink), err);
        assertEquals(0, code, "exit code");
        return sink;
    }

    /** Counts what is written and keeps the end, without holding hundreds of MB. */
    private static final class Sink extends Writer {
        long chars;
        long lines;
        long longestLine;
        private long lineLength;
        private final char[] tail = new char[4096];

        @Override
        public void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                tail[(int) (chars++ % tail.length)] = buf[i];
                if (buf[i] == '\n') {
                    lines++;
                    longestLine = Math.max(longestLine, lineLength);
                    lineLength = 0;
                } else {
                    lineLength++;
                }
            }
        }

        String tail() {
            StringBuilder s = new StringBuilder();
            for (long i = Math.max(0, chars - tail.length); i < chars; i++) {
                s.append(tail[(int) (i % tail.length)]);
            }
            return s.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static String hex(long id) {
        return "0x" + Long.toHexString(id);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
