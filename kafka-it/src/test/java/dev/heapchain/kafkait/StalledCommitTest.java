package dev.heapchain.kafkait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit stall through Kafka's own code paths: a three-voter quorum (node 1 broker+controller,
 * nodes 2 and 3 controller-only) whose two followers are frozen with SIGSTOP. The leader keeps
 * appending (client writes, and its own NoOpRecord every metadata.max.idle.interval.ms, 500 ms),
 * and each append takes a timeline snapshot at the batch's last offset; but with one voter of
 * three fetching, nothing commits, so the high watermark and with it lastStableOffset stand still
 * and no snapshot is deleted. The leader's dump must show that chain as a commit stall, not a leak.
 */
class StalledCommitTest {
    private static final int LEADER = 1;
    private static final int THREADS = 12;
    /**
     * Short, so that each config-churn client gives up, and sends its next write, four times a
     * second; the controller keeps each write's batch (and snapshot) whether the client waits or not.
     */
    private static final int CLIENT_TIMEOUT_MS = 250;
    /**
     * Uncommitted metadata records to wait for before dumping. Nearly all are one-record batches
     * (config churn, no-ops), so about as many snapshots: several times the 32 live epochs
     * heapchain allows by default (--max-live-epochs). About 6 s of load here.
     */
    private static final long UNCOMMITTED_RECORDS = 150;
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(40);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void tools() {
        HeapDumps.assumeJcmd();
        ChildProcesses.assumeKill();
    }

    /**
     * Node 1 campaigns after 0.5-1 s, nodes 2 and 3 only after 30-60 s, so node 1 leads and its
     * broker is the one the writes go through. A fetch timeout of 120 s keeps the leader from
     * resigning (it does after 1.5 fetch timeouts without fetches from a majority) and the
     * followers from campaigning once they run again.
     */
    private static Map<String, String> timeouts(KafkaNode node) {
        return Map.of(
                "controller.quorum.fetch.timeout.ms", "120000",
                "controller.quorum.election.timeout.ms", node.id() == LEADER ? "500" : "30000");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void pausedFollowersStallTheLeadersCommitsAsACommitStall() throws Exception {
        Path dump = dir.resolve("stalled.hprof");
        try {
            Frozen frozen;
            List<KafkaNode> nodes = List.of(KafkaNode.combined(LEADER, dir), KafkaNode.controllerOnly(2, dir),
                    KafkaNode.controllerOnly(3, dir));
            try (KafkaCluster cluster = KafkaCluster.start(nodes, StalledCommitTest::timeouts)) {
                frozen = stallAndDump(cluster, dump);
            }
            Analysis analysis = Heapchain.analyze(dump);
            System.out.println(analysis.summary("stalled"));
            assertEquals("heapchain.analyze/2", analysis.schema());
            JsonNode chain = analysis.quorumControllerChain().orElseThrow(() ->
                    new AssertionError("no chain owned by " + Analysis.QUORUM_CONTROLLER_OWNER + ": " + analysis.summary("stalled")));
            // Kafka's own numbers against the dump's: the oldest snapshot is the one at
            // lastStableOffset (high watermark - 1), the newest at an offset the leader wrote.
            long lastStable = frozen.before().highWatermark() - 1;
            assertEquals(lastStable, chain.path("minEpoch").asLong(), "oldest snapshot vs. the frozen quorum " + frozen);
            assertTrue(chain.path("maxEpoch").asLong() < frozen.after().leaderLogEndOffset(), "newest snapshot past the log end: " + frozen);
            assertTrue(chain.path("length").asLong() > 64, "only " + chain.path("length") + " snapshots in the stalled chain");

            assertNotEquals("leak", analysis.outcome(), analysis.json().path("verdict").toString());
            assertTrue(Analysis.reasonKinds(chain).contains("commit-stall"), "chain reasons " + chain.path("reasons"));
            JsonNode watermark = chain.path("watermark");
            assertEquals("offsetControl.lastStableOffset", watermark.path("field").asText(), chain.toString());
            assertEquals(lastStable, watermark.path("value").asLong(), watermark.toString());
        } finally {
            HeapDumps.discard(dump, "stalled");
        }
    }

    /** The quorum as the leader reported it just before and just after its dump. */
    private record Frozen(QuorumState before, QuorumState after) {
    }

    /**
     * Pauses the followers, writes until the leader holds {@link #UNCOMMITTED_RECORDS}, dumps the
     * leader, resumes the followers and waits for the leader to commit what it held.
     */
    private static Frozen stallAndDump(KafkaCluster cluster, Path dump) throws Exception {
        KafkaNode leader = cluster.node(LEADER);
        List<Admin> viaBroker = new ArrayList<>();
        List<Admin> viaController = new ArrayList<>();
        try (Admin setup = Admins.broker(leader, 10_000);
                Admin leaderQuorum = Admins.controllers(leader.controllerBootstrap(), 5_000)) {
            QuorumState ready = QuorumState.read(leaderQuorum, 5_000);
            assertEquals(LEADER, ready.leaderId(), "node 1 should have won the election: " + ready);
            for (int i = 0; i < THREADS / 2; i++) {
                viaBroker.add(Admins.broker(leader, CLIENT_TIMEOUT_MS));
                viaController.add(Admins.controllers(leader.controllerBootstrap(), CLIENT_TIMEOUT_MS));
            }
            try (AdminLoad load = new AdminLoad(viaBroker, viaController, "stall", CLIENT_TIMEOUT_MS, STALL_TIMEOUT)) {
                load.createFixedTopics(setup);
                for (KafkaNode node : cluster.nodes()) {
                    if (node.id() != LEADER) {
                        node.pause();
                    }
                }
                // The broker-listener writes queue in the broker's forwarding channel (one
                // request in flight, and the first never gets its answer), so they add one
                // batch; the volume comes from the controller-listener writes and the no-ops.
                load.start();
                awaitUncommitted(leaderQuorum, load, leader);
                load.stop();
                System.out.printf("kafka-it stalled: load %d done, %d failed %s%n", load.completed(), load.failed(), load.failures());
            }
            QuorumState before = QuorumState.read(leaderQuorum, 5_000);
            HeapDumps.dump(leader.pid(), dump);
            Frozen frozen = new Frozen(before, QuorumState.read(leaderQuorum, 5_000));
            System.out.println("kafka-it stalled: before the dump " + frozen.before() + "; after it " + frozen.after());
            assertEquals(frozen.before().highWatermark(), frozen.after().highWatermark(), "commits went on while the followers were paused");
            assertEquals(LEADER, frozen.after().leaderId(), "the leader resigned while the followers were paused");
            for (KafkaNode node : cluster.nodes()) {
                if (node.id() != LEADER) {
                    node.resume();
                }
            }
            awaitCommitted(leaderQuorum, frozen.after().leaderLogEndOffset());
            return frozen;
        } finally {
            Admins.closeAll(viaBroker);
            Admins.closeAll(viaController);
        }
    }

    private static void awaitUncommitted(Admin leaderQuorum, AdminLoad load, KafkaNode leader) throws Exception {
        long deadline = System.nanoTime() + STALL_TIMEOUT.toNanos();
        QuorumState stalled = QuorumState.read(leaderQuorum, 5_000);
        while (stalled.uncommittedRecords() < UNCOMMITTED_RECORDS) {
            assertTrue(System.nanoTime() < deadline, "after " + STALL_TIMEOUT.toSeconds() + " s: " + stalled
                    + "; load " + load.completed() + " done, " + load.failures() + "\n" + leader.logTail());
            Thread.sleep(250);
            stalled = QuorumState.read(leaderQuorum, 5_000);
        }
    }

    /** With the followers back the leader commits what it held: the stall was theirs. */
    private static void awaitCommitted(Admin leaderQuorum, long offset) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        QuorumState resumed = QuorumState.read(leaderQuorum, 5_000);
        while (resumed.highWatermark() < offset) {
            assertTrue(System.nanoTime() < deadline, "commits did not resume after SIGCONT: " + resumed);
            Thread.sleep(100);
            resumed = QuorumState.read(leaderQuorum, 5_000);
        }
    }
}
