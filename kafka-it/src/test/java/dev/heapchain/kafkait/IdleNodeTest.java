package dev.heapchain.kafkait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** One combined broker+controller node, ready and doing nothing: its dump must read as no leak. */
class IdleNodeTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void tools() {
        HeapDumps.assumeJcmd();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void idleCombinedNodeIsNoLeak() throws Exception {
        Path dump = dir.resolve("idle.hprof");
        try {
            try (KafkaCluster cluster = KafkaCluster.start(List.of(KafkaNode.combined(1, dir)), node -> Map.of());
                    Admin quorum = Admins.controllers(cluster.controllerBootstrap(), 5_000)) {
                QuorumState before = QuorumState.read(quorum, 5_000);
                HeapDumps.dump(cluster.node(1).pid(), dump);
                System.out.println("kafka-it idle: before the dump " + before + "; after it " + QuorumState.read(quorum, 5_000));
            }
            Analysis analysis = Heapchain.analyze(dump);
            System.out.println(analysis.summary("idle"));
            assertEquals("heapchain.analyze/2", analysis.schema());
            assertFalse(analysis.chainsOwnedBy(Analysis.QUORUM_CONTROLLER_OWNER).isEmpty(),
                    "no chain owned by " + Analysis.QUORUM_CONTROLLER_OWNER + ": " + analysis.summary("idle"));
            assertEquals("no leak", analysis.outcome(), analysis.json().path("verdict").toString());
        } finally {
            HeapDumps.discard(dump, "idle");
        }
    }
}
