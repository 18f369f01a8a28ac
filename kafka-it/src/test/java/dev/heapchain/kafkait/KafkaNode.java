package dev.heapchain.kafkait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One Kafka 4.1.1 KRaft node in a child JVM: {@code kafka.Kafka} with a generated
 * server.properties, storage formatted first by Kafka's own {@code kafka.tools.StorageTool}.
 * Listeners are on 127.0.0.1 only; the node's config, data, metadata log and log live in its
 * directory.
 */
final class KafkaNode implements AutoCloseable {
    /** Partitions of __consumer_offsets: one group-coordinator shard (and snapshot registry) each; Kafka's 50 would slow start-up. */
    static final int OFFSETS_TOPIC_PARTITIONS = 3;

    /**
     * Heap and JIT for a 2-core machine running up to three nodes and the analyzer: a small heap
     * keeps the dumps small, the serial collector and C1 alone keep start-up cheap. None of this
     * changes which objects Kafka keeps.
     */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final int id;
    private final boolean broker;
    private final int brokerPort;
    private final int controllerPort;
    private final Path dir;
    private final Path log;
    private Process process;
    private Thread killOnExit;

    private KafkaNode(int id, boolean broker, Path parent) {
        int[] ports = Ports.free(2);
        this.id = id;
        this.broker = broker;
        this.brokerPort = broker ? ports[0] : -1;
        this.controllerPort = ports[1];
        this.dir = parent.resolve("node-" + id);
        this.log = dir.resolve("node.log");
    }

    /** process.roles=broker,controller */
    static KafkaNode combined(int id, Path parent) {
        return new KafkaNode(id, true, parent);
    }

    /** process.roles=controller */
    static KafkaNode controllerOnly(int id, Path parent) {
        return new KafkaNode(id, false, parent);
    }

    int id() {
        return id;
    }

    boolean isBroker() {
        return broker;
    }

    /** This node's entry in controller.quorum.voters. */
    String voter() {
        return id + "@127.0.0.1:" + controllerPort;
    }

    String brokerBootstrap() {
        if (!broker) {
            throw new IllegalStateException("node " + id + " is controller-only");
        }
        return "127.0.0.1:" + brokerPort;
    }

    String controllerBootstrap() {
        return "127.0.0.1:" + controllerPort;
    }

    /**
     * Writes server.properties: the settings every node here shares, the broker ones if it is a
     * broker, then {@code overrides} (a test's timeouts) on top.
     */
    void configure(String voters, Map<String, String> overrides) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("node.id", Integer.toString(id));
        settings.put("process.roles", broker ? "broker,controller" : "controller");
        settings.put("controller.quorum.voters", voters);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("listeners", (broker ? "PLAINTEXT://127.0.0.1:" + brokerPort + "," : "")
                + "CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("log.dirs", dir.resolve("data").toString());
        settings.put("metadata.log.dir", dir.resolve("metadata").toString());
        // Fewer threads than the defaults (sized for servers) so three nodes share two cores.
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "2");
        settings.put("background.threads", "2");
        settings.put("num.recovery.threads.per.data.dir", "1");
        if (broker) {
            settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            settings.put("inter.broker.listener.name", "PLAINTEXT");
            settings.put("auto.create.topics.enable", "false");
            settings.put("group.initial.rebalance.delay.ms", "0");
            // A new broker is unfenced (and only then serves clients) on the first heartbeat after
            // it has caught up with the metadata log; the default 2 s interval makes start-up wait.
            settings.put("broker.heartbeat.interval.ms", "500");
            settings.put("offsets.topic.replication.factor", "1");
            settings.put("offsets.topic.num.partitions", Integer.toString(OFFSETS_TOPIC_PARTITIONS));
            settings.put("transaction.state.log.replication.factor", "1");
            settings.put("transaction.state.log.min.isr", "1");
            settings.put("share.coordinator.state.topic.replication.factor", "1");
            settings.put("share.coordinator.state.topic.min.isr", "1");
            // The log cleaner's dedupe buffer is a heap byte[] of 128 MB by default: 84% of an
            // idle node's dump. 2 MB cleans the tiny logs here just as well.
            settings.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 << 20));
            settings.put("log.cleaner.threads", "1");
        }
        settings.putAll(overrides);
        try (Writer out = Files.newBufferedWriter(dir.resolve("server.properties"), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                out.write(setting.getKey() + "=" + setting.getValue() + "\n");
            }
        }
    }

    /** kafka-storage format -c server.properties -t CLUSTER_ID; static voters need no initial-controller flags. */
    void format(String clusterId) throws IOException, InterruptedException {
        Path formatLog = dir.resolve("format.log");
        List<String> command = java();
        command.addAll(List.of("kafka.tools.StorageTool", "format",
                "-c", dir.resolve("server.properties").toString(), "-t", clusterId));
        int code = ChildProcesses.run(command, formatLog, 60);
        if (code != 0) {
            throw new IllegalStateException("StorageTool format of node " + id + " exited " + code + "\n"
                    + ChildProcesses.tail(formatLog, 30));
        }
    }

    void start() throws IOException {
        if (process != null) {
            throw new IllegalStateException("node " + id + " already started");
        }
        List<String> command = java();
        command.addAll(List.of("kafka.Kafka", dir.resolve("server.properties").toString()));
        process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // If the test JVM exits without reaching close() (surefire ends a fork whose Maven went
        // away, Ctrl-C), the node must not outlive it.
        Process started = process;
        killOnExit = new Thread(started::destroyForcibly, "kill-kafka-node-" + id);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    long pid() {
        return running().pid();
    }

    /** Fails with the log's tail when the node has exited, which Kafka does on a fatal start-up error. */
    void checkAlive() {
        if (!running().isAlive()) {
            throw new IllegalStateException("node " + id + " exited with " + process.exitValue() + "\n" + logTail());
        }
    }

    /** SIGSTOP: every thread of the node stops at once, its sockets stay open, nothing answers. */
    void pause() throws IOException, InterruptedException {
        ChildProcesses.signal(pid(), "STOP", dir.resolve("signal.log"));
    }

    void resume() throws IOException, InterruptedException {
        ChildProcesses.signal(pid(), "CONT", dir.resolve("signal.log"));
    }

    String logTail() {
        return ChildProcesses.tail(log, 40);
    }

    /** SIGKILL, without waiting; it also ends a node stopped with SIGSTOP. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /**
     * Kills the node and waits until it is gone. Not a graceful stop: the node's state is thrown
     * away, and a graceful stop of the three-voter quorum took 5 s and more here (SIGTERM to all:
     * the combined node was still running after 5 s; brokers first: the controller-only nodes
     * were), as whichever voters stop last wait for a quorum that is gone.
     */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("node " + id + " (pid " + process.pid() + ") survived SIGKILL for 10 s");
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; the process is gone either way
        }
    }

    private Process running() {
        if (process == null) {
            throw new IllegalStateException("node " + id + " not started");
        }
        return process;
    }

    private static List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.jdkTool("java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dlog4j2.configurationFile=" + log4jConfig());
        command.addAll(List.of("-cp", ChildProcesses.testClassPath()));
        return command;
    }

    private static Path log4jConfig() {
        try {
            return Path.of(Objects.requireNonNull(KafkaNode.class.getResource("/broker-log4j2.properties"),
                    "broker-log4j2.properties missing from the test resources").toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("broker-log4j2.properties is not a file", e));
        }
    }
}
