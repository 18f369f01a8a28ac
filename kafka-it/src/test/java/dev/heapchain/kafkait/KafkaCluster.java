package dev.heapchain.kafkait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of {@link KafkaNode}s with static voters: configured, formatted (in parallel,
 * one StorageTool JVM per node), started, and waited on until the quorum has a leader every voter
 * has caught up with and every broker is registered and answers DescribeCluster.
 */
final class KafkaCluster implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final List<KafkaNode> nodes;

    private KafkaCluster(List<KafkaNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Starts the nodes; on any failure the ones already started are killed before the exception
     * leaves, so a caller's try-with-resources never sees a half-built cluster.
     */
    static KafkaCluster start(List<KafkaNode> nodes, Function<KafkaNode, Map<String, String>> overrides)
            throws Exception {
        KafkaCluster cluster = new KafkaCluster(nodes);
        try {
            String voters = nodes.stream().map(KafkaNode::voter).collect(Collectors.joining(","));
            String clusterId = Uuid.randomUuid().toString();
            for (KafkaNode node : nodes) {
                node.configure(voters, overrides.apply(node));
            }
            // one StorageTool JVM per node takes ~2 s, mostly start-up: run them side by side
            inParallel(nodes, node -> node.format(clusterId));
            for (KafkaNode node : nodes) {
                node.start();
            }
            cluster.awaitReady();
            return cluster;
        } catch (Exception | Error e) {
            try {
                cluster.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    List<KafkaNode> nodes() {
        return nodes;
    }

    KafkaNode node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id));
    }

    String controllerBootstrap() {
        return nodes.stream().map(KafkaNode::controllerBootstrap).collect(Collectors.joining(","));
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Set<Integer> brokerIds = nodes.stream().filter(KafkaNode::isBroker).map(KafkaNode::id).collect(Collectors.toSet());
        QuorumState quorum = null;
        Exception last = null;
        try (Admin controllers = Admins.controllers(controllerBootstrap(), 2_000)) {
            while (true) {
                checkTime(deadline, "a quorum leader all voters have caught up with (last: " + quorum + ")", last);
                try {
                    quorum = QuorumState.read(controllers, 2_000);
                    if (quorum.leaderId() >= 0 && quorum.caughtUpVoters() == nodes.size()) {
                        break;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                Thread.sleep(100);
            }
        }
        for (KafkaNode broker : nodes) {
            if (!broker.isBroker()) {
                continue;
            }
            try (Admin admin = Admins.broker(broker, 2_000)) {
                Set<Integer> seen = Set.of();
                while (true) {
                    checkTime(deadline, "broker " + broker.id() + " to list brokers " + brokerIds + " (last: " + seen + ")", last);
                    try {
                        seen = new HashSet<>(admin.describeCluster().nodes().get(2, TimeUnit.SECONDS)
                                .stream().map(Node::id).toList());
                        if (seen.containsAll(brokerIds)) {
                            break;
                        }
                    } catch (ExecutionException | TimeoutException e) {
                        last = e;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    private void checkTime(long deadline, String waitingFor, Exception last) {
        for (KafkaNode node : nodes) {
            node.checkAlive();
        }
        if (System.nanoTime() > deadline) {
            StringBuilder logs = new StringBuilder();
            for (KafkaNode node : nodes) {
                logs.append('\n').append(node.logTail());
            }
            IllegalStateException e = new IllegalStateException("waited " + READY_TIMEOUT.toSeconds()
                    + " s for " + waitingFor + logs);
            if (last != null) {
                e.addSuppressed(last);
            }
            throw e;
        }
    }

    /** Kills every node at once (see {@link KafkaNode#close()}) and waits for each to be gone. */
    @Override
    public void close() throws InterruptedException {
        for (KafkaNode node : nodes) {
            node.kill();
        }
        IllegalStateException survivor = null;
        for (KafkaNode node : nodes) {
            try {
                node.close();
            } catch (IllegalStateException e) {
                survivor = e;
            }
        }
        if (survivor != null) {
            throw survivor;
        }
    }

    interface NodeTask {
        void run(KafkaNode node) throws Exception;
    }

    private static void inParallel(List<KafkaNode> nodes, NodeTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (KafkaNode node : nodes) {
                futures.add(pool.submit(() -> {
                    task.run(node);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
