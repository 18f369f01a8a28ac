package dev.heapchain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `threads`: each thread, its stack with method, file and line, and what each frame holds. */
class ThreadsCommandTest {
    @TempDir
    Path dir;

    @Test
    void textListsStacksAndWhatEachFrameHolds() {
        Path dump = ThreadDumps.write(dir.resolve("t.hprof"));
        Cli r = Cli.run("threads", "-q", dump.toString());
        assertEquals(0, r.code(), r.toString());
        String out = r.out();
        assertTrue(out.contains("Threads: 2, the most retained first"), out);
        assertTrue(out.contains("1. thread \"acme-order-worker\" (serial 1, daemon, WAITING): java.lang.Thread 0x"), out);
        assertTrue(out.contains("2. thread \"main\" (serial 2, not daemon, RUNNABLE)"), "JDK 19+ keeps them in the holder: " + out);
        assertTrue(out.contains("     frame 0: java.lang.Object.wait(Native Method)\n"), out);
        assertTrue(out.contains("     frame 1: com.acme.secret.OrderWorker.drain(OrderWorker.java:212)  holds 2 objects, 4.3 KB\n"
                + "         - com.acme.secret.OrderCache 0x"), out);
        assertTrue(out.contains(", Java frame\n         - byte[] 0x"), out);
        assertTrue(out.contains(", JNI local\n"), out);
        assertTrue(out.contains("     frame 2: com.acme.secret.OrderWorker.run(OrderWorker.java)\n"), "line 0: no line: " + out);
        assertTrue(out.contains("     frame 3: com.acme.secret.OrderWorker.poll(Unknown Source)\n"), "no file: " + out);
        assertTrue(out.contains("     frame 4: com.acme.secret.OrderWorker.spin(Compiled Code)\n"), out);
        assertTrue(out.contains("     frame 5: <unknown class>.mystery(Mystery.java:7)\n"), "class serial 0: " + out);
    }

    @Test
    void limitCutsEachFramesList() {
        Path dump = ThreadDumps.write(dir.resolve("t.hprof"));
        Cli r = Cli.run("threads", "-q", dump.toString(), "--limit", "1");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("         ... and 1 more, 80 B\n"), r.out());
        assertEquals(2, Cli.run("threads", "-q", dump.toString(), "--limit", "0").code());
    }

    @Test
    void jsonHasTheFramesInParts() throws Exception {
        Path dump = ThreadDumps.write(dir.resolve("t.hprof"));
        ThreadDumps.Ids ids = ThreadDumps.build(dev.heapchain.hprof.testing.DumpBuilder.hotspot());
        Cli r = Cli.run("threads", "-q", dump.toString(), "--json", "-");
        assertEquals(0, r.code(), r.toString());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("heapchain.threads/1", root.get("schema").asText());
        assertTrue(root.get("stacksPresent").asBoolean());
        assertEquals(5, root.get("limit").asInt());
        JsonNode worker = root.at("/threads/0");
        assertEquals("acme-order-worker", worker.get("name").asText());
        assertEquals(1, worker.get("serial").asInt());
        assertTrue(worker.get("daemon").asBoolean());
        assertEquals("WAITING", worker.get("state").asText());
        assertEquals("java.lang.Thread", worker.get("class").asText());
        assertEquals(6, worker.get("frames").size());
        JsonNode drain = worker.at("/frames/1");
        assertEquals(1, drain.get("depth").asInt());
        assertEquals("com.acme.secret.OrderWorker.drain(OrderWorker.java:212)", drain.at("/frame/text").asText());
        assertEquals("com.acme.secret.OrderWorker", drain.at("/frame/class").asText());
        assertEquals("drain", drain.at("/frame/method").asText());
        assertEquals("(Lcom/acme/secret/OrderCache;)V", drain.at("/frame/signature").asText());
        assertEquals("OrderWorker.java", drain.at("/frame/sourceFile").asText());
        assertEquals(212, drain.at("/frame/line").asInt());
        assertEquals(2, drain.get("objects").asInt());
        assertEquals(String.format("0x%x", ids.cache()), drain.at("/largest/0/objectId").asText());
        assertEquals("Java frame", drain.at("/largest/0/rootKind").asText());
        assertEquals(drain.get("retainedBytes").asLong(), drain.at("/largest/0/retainedBytes").asLong()
                + drain.at("/largest/1/retainedBytes").asLong());
        assertEquals(-3, worker.at("/frames/0/frame/line").asInt());
        assertTrue(worker.at("/frames/3/frame/sourceFile").isNull());
        assertTrue(worker.at("/frames/5/frame/class").isNull());
        assertTrue(worker.get("unframed").isNull());
        assertEquals(drain.get("retainedBytes").asLong(), worker.get("localsRetainedBytes").asLong());
        assertEquals("RUNNABLE", root.at("/threads/1/state").asText());
    }

    @Test
    void androidDumpsHaveNoStacksButFramesByDepth() throws Exception {
        Path dump = ThreadDumps.android(dir.resolve("a.hprof"));
        Cli r = Cli.run("threads", "-q", dump.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("(the dump has no stack records"), r.out());
        assertTrue(r.out().contains("     frame 2: (no stack record)  holds 1 object"), r.out());
        JsonNode root = new ObjectMapper().readTree(Cli.run("threads", "-q", dump.toString(), "--json", "-").out());
        assertEquals(false, root.get("stacksPresent").asBoolean());
        assertTrue(root.at("/threads/0/frames/0/frame").isNull());
        assertEquals(2, root.at("/threads/0/frames/0/depth").asInt());
    }
}
