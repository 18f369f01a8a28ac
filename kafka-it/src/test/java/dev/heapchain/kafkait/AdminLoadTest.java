package dev.heapchain.kafkait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * One combined node under metadata writes from {@link #THREADS} Admin clients, dumped three times
 * while the writes run. A single-voter quorum commits each batch as soon as it is on disk, so the
 * controller's uncommitted snapshots in each dump are only the writes in flight at that instant:
 * a busy, healthy controller, which must never read as a leak.
 */
class AdminLoadTest {
    private static final int THREADS = 12;
    private static final int DUMPS = 3;
    private static final Duration BETWEEN_DUMPS = Duration.ofMillis(1_500);
    private static final int CLIENT_TIMEOUT_MS = 10_000;
    /** Offset-commit threads, beside the metadata writers. */
    private static final int COMMITTERS = 2;
    /** KafkaNode's offsets.topic.num.partitions: one coordinator shard each. */
    private static final int OFFSETS_PARTITIONS = KafkaNode.OFFSETS_TOPIC_PARTITIONS;
    private static final String COORDINATOR_OWNER = "SnapshottableCoordinator.snapshotRegistry";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void tools() {
        HeapDumps.assumeJcmd();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void dumpsUnderConcurrentAdminWritesAreNoLeak() throws Exception {
        List<Path> dumps = new ArrayList<>();
        try {
            try (KafkaCluster cluster = KafkaCluster.start(List.of(KafkaNode.combined(1, dir)), node -> Map.of());
                    Admin quorum = Admins.controllers(cluster.controllerBootstrap(), 5_000)) {
                KafkaNode node = cluster.node(1);
                List<Admin> viaBroker = new ArrayList<>();
                List<Admin> viaController = new ArrayList<>();
                List<Admin> committers = new ArrayList<>();
                try {
                    for (int i = 0; i < COMMITTERS; i++) {
                        committers.add(Admins.broker(node, CLIENT_TIMEOUT_MS));
                    }
                    // Half through the broker listener, which forwards to the controller one
                    // request at a time (its forwarding channel has one in flight), half straight
                    // to the controller listener, so that many writes wait in the controller at once.
                    for (int i = 0; i < THREADS / 2; i++) {
                        viaBroker.add(Admins.broker(node, CLIENT_TIMEOUT_MS));
                        viaController.add(Admins.controllers(node.controllerBootstrap(), CLIENT_TIMEOUT_MS));
                    }
                    loadAndDump(node, quorum, viaBroker, viaController, committers, dumps);
                } finally {
                    Admins.closeAll(committers);
                    Admins.closeAll(viaBroker);
                    Admins.closeAll(viaController);
                }
            }
            List<Analysis> analyses = new ArrayList<>();
            for (int i = 0; i < dumps.size(); i++) {
                Analysis analysis = Heapchain.analyze(dumps.get(i));
                analyses.add(analysis);
                System.out.println(analysis.summary("admin-load #" + i));
                HeapDumps.discard(dumps.get(i), "admin-load");
            }
            for (int i = 0; i < analyses.size(); i++) {
                Analysis analysis = analyses.get(i);
                assertEquals("heapchain.analyze/2", analysis.schema());
                assertFalse(analysis.chainsOwnedBy(Analysis.QUORUM_CONTROLLER_OWNER).isEmpty(),
                        "no chain owned by " + Analysis.QUORUM_CONTROLLER_OWNER + ": " + analysis.summary("admin-load #" + i));
                assertEquals("no leak", analysis.outcome(), "dump " + i + ": " + analysis.json().path("verdict"));
                // The group coordinator's shards: one chain per __consumer_offsets partition, told
                // apart by partition, each trimmed to its own lastCommittedOffset.
                List<com.fasterxml.jackson.databind.JsonNode> shards = analysis.chainsOwnedBy(COORDINATOR_OWNER);
                assertEquals(OFFSETS_PARTITIONS, shards.size(), "dump " + i + ": " + analysis.summary("admin-load #" + i));
                for (com.fasterxml.jackson.databind.JsonNode shard : shards) {
                    assertTrue(shard.path("owner").path("detail").asText().startsWith("__consumer_offsets-"), shard.toString());
                    assertEquals("lastCommittedOffset", shard.path("watermark").path("field").asText(), shard.toString());
                    assertEquals(0, shard.path("watermark").path("below").asLong(), shard.toString());
                }
            }
        } finally {
            for (Path dump : dumps) {
                HeapDumps.discard(dump, "admin-load");
            }
        }
    }

    private void loadAndDump(KafkaNode node, Admin quorum, List<Admin> viaBroker, List<Admin> viaController,
            List<Admin> committers, List<Path> dumps) throws Exception {
        try (AdminLoad load = new AdminLoad(viaBroker, viaController, "load", CLIENT_TIMEOUT_MS, Duration.ofSeconds(60))) {
            load.createFixedTopics(viaBroker.get(0));
            load.commitOffsets(committers);
            load.start();
            for (int i = 0; i < DUMPS; i++) {
                Thread.sleep(BETWEEN_DUMPS.toMillis());
                long done = load.completed();
                int inFlight = load.inFlight();
                QuorumState before = QuorumState.read(quorum, 5_000);
                Path dump = dir.resolve("admin-load-" + i + ".hprof");
                dumps.add(dump);
                HeapDumps.dump(node.pid(), dump);
                System.out.printf("kafka-it admin-load dump %d: %d operations done before it, %d in flight as it began; "
                        + "before it %s; after it %s%n", i, done, inFlight, before, QuorumState.read(quorum, 5_000));
                // Each thread spends nearly all its time waiting on a reply, so nearly all are in flight.
                assertTrue(inFlight >= THREADS / 2, "only " + inFlight + " admin operations in flight when dump " + i + " began");
            }
            load.stop();
            System.out.printf("kafka-it admin-load: %d operations done, %d failed %s%n", load.completed(), load.failed(), load.failures());
            assertEquals(0, load.failed(), "admin operations failed on a healthy node: " + load.failures());
            assertTrue(load.completed() >= THREADS * 3L, "only " + load.completed() + " admin operations completed");
        }
    }
}
