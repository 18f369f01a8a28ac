package dev.heapchain.kafkait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Metadata writes from many client threads, each with its own Admin (an Admin has one request in
 * flight per node, so one thread per client is what puts many writes in flight at once). Two kinds
 * of thread:
 * <ul>
 *   <li>topic churn, through a broker listener: each round creates two topics of
 *       {@link #PARTITIONS} partitions in one CreateTopics (one controller batch of 2 TopicRecords
 *       and 2 x PARTITIONS PartitionRecords), alters both topics' configs, deletes the previous
 *       round's two;</li>
 *   <li>config churn, straight to a controller listener (bootstrap.controllers): each round sets
 *       retention.ms of a topic that exists for the whole run to a new value, one ConfigRecord in
 *       a batch of its own, so these writes add one snapshot per record. An Admin on
 *       bootstrap.controllers refuses CreateTopics and DeleteTopics
 *       (UnsupportedEndpointTypeException), but not IncrementalAlterConfigs.</li>
 *   <li>offset commits, through a broker listener: each round commits new offsets for an empty
 *       consumer group (AlterConsumerGroupOffsets), a write to the group coordinator's shard of
 *       {@code __consumer_offsets}, whose SnapshottableCoordinator keeps a snapshot per write until
 *       the partition's high watermark passes it.</li>
 * </ul>
 * Bounded: every thread stops at {@link #stop()} or after {@code maxRun}, whichever is first.
 */
final class AdminLoad implements AutoCloseable {
    static final int PARTITIONS = 8;

    private final List<Admin> topicChurn;
    private final List<Admin> configChurn;
    private final List<Admin> offsetChurn = new ArrayList<>();
    private final String prefix;
    private final long opTimeoutMs;
    private final long deadlineNanos;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /**
     * @param configChurn each of these alters topic PREFIX-fixed-T (T its index), which
     *     {@link #createFixedTopics} makes
     */
    AdminLoad(List<Admin> topicChurn, List<Admin> configChurn, String prefix, long opTimeoutMs, Duration maxRun) {
        this.topicChurn = List.copyOf(topicChurn);
        this.configChurn = List.copyOf(configChurn);
        this.prefix = prefix;
        this.opTimeoutMs = opTimeoutMs;
        this.deadlineNanos = System.nanoTime() + maxRun.toNanos();
    }

    /**
     * The topics the config-churn threads alter, made through {@code admin} before the load starts
     * and committed when this returns (CreateTopics answers after the commit).
     */
    void createFixedTopics(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        List<NewTopic> topics = new ArrayList<>();
        for (int t = 0; t < configChurn.size(); t++) {
            topics.add(new NewTopic(fixedTopic(t), PARTITIONS, (short) 1));
        }
        admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    }

    /**
     * Adds offset-commit threads, one per Admin (broker listeners), committing for group
     * PREFIX-group-T on the fixed topics; the first commit, made here, starts the group
     * coordinator's shards (and creates __consumer_offsets), so it retries until they have loaded.
     */
    AdminLoad commitOffsets(List<Admin> admins) throws InterruptedException {
        offsetChurn.addAll(admins);
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int t = 0; t < admins.size(); t++) {
            while (true) {
                try {
                    admins.get(t).alterConsumerGroupOffsets(group(t), offsets(0)).all().get(opTimeoutMs, TimeUnit.MILLISECONDS);
                    break;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > giveUp) {
                        throw new IllegalStateException("the group coordinator did not take a first offset commit in 60 s", e);
                    }
                    Thread.sleep(200); // COORDINATOR_LOAD_IN_PROGRESS while __consumer_offsets loads
                }
            }
        }
        return this;
    }

    private String group(int thread) {
        return prefix + "-group-" + thread;
    }

    private Map<TopicPartition, OffsetAndMetadata> offsets(long offset) {
        Map<TopicPartition, OffsetAndMetadata> out = new LinkedHashMap<>();
        for (int t = 0; t < configChurn.size(); t++) {
            for (int p = 0; p < PARTITIONS; p++) {
                out.put(new TopicPartition(fixedTopic(t), p), new OffsetAndMetadata(offset));
            }
        }
        return out;
    }

    AdminLoad start() {
        for (int t = 0; t < topicChurn.size(); t++) {
            Admin admin = topicChurn.get(t);
            int thread = t;
            startThread("topic-churn-" + t, () -> topicRounds(admin, thread));
        }
        for (int t = 0; t < configChurn.size(); t++) {
            Admin admin = configChurn.get(t);
            int thread = t;
            startThread("config-churn-" + t, () -> configRounds(admin, thread));
        }
        for (int t = 0; t < offsetChurn.size(); t++) {
            Admin admin = offsetChurn.get(t);
            int thread = t;
            startThread("offset-churn-" + t, () -> offsetRounds(admin, thread));
        }
        return this;
    }

    private void startThread(String name, Runnable rounds) {
        Thread worker = new Thread(rounds, "admin-load-" + name);
        worker.setDaemon(true);
        threads.add(worker);
        worker.start();
    }

    /** Operations under way at this moment (sent, or about to be, and not yet answered). */
    int inFlight() {
        return inFlight.get();
    }

    long completed() {
        return completed.sum();
    }

    long failed() {
        return failed.sum();
    }

    /** Failed operations by operation and exception class, for messages and the printed summary. */
    Map<String, Long> failures() {
        Map<String, Long> out = new TreeMap<>();
        failures.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    void stop() throws InterruptedException {
        stopping = true;
        for (Thread thread : threads) {
            // an operation ends at its own timeout, so a thread ends within opTimeoutMs plus a little
            thread.join(opTimeoutMs * 3 + 5_000);
            if (thread.isAlive()) {
                throw new IllegalStateException(thread.getName() + " did not stop");
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private boolean running() {
        return !stopping && System.nanoTime() < deadlineNanos;
    }

    private String fixedTopic(int thread) {
        return prefix + "-fixed-" + thread;
    }

    private void topicRounds(Admin admin, int thread) {
        List<String> previous = List.of();
        for (int round = 0; running(); round++) {
            String base = prefix + "-churn-" + thread + "-" + round;
            List<String> topics = List.of(base + "a", base + "b");
            List<NewTopic> newTopics = topics.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList();
            call("createTopics", admin.createTopics(newTopics).all());
            if (!running()) {
                break;
            }
            call("incrementalAlterConfigs", admin.incrementalAlterConfigs(alterations(topics, round)).all());
            if (!previous.isEmpty() && running()) {
                call("deleteTopics", admin.deleteTopics(Set.copyOf(previous)).all());
            }
            previous = topics;
        }
    }

    private void configRounds(Admin admin, int thread) {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, fixedTopic(thread));
        for (int round = 0; running(); round++) {
            AlterConfigOp set = new AlterConfigOp(new ConfigEntry("retention.ms", Long.toString(3_600_000L + round)),
                    AlterConfigOp.OpType.SET);
            call("incrementalAlterConfigs (controller)", admin.incrementalAlterConfigs(Map.of(topic, List.of(set))).all());
        }
    }

    private void offsetRounds(Admin admin, int thread) {
        for (long round = 1; running(); round++) {
            call("alterConsumerGroupOffsets", admin.alterConsumerGroupOffsets(group(thread), offsets(round)).all());
        }
    }

    /**
     * Values that change every round: for a topic the controller writes no ConfigRecord for a
     * value it already has (ConfigurationControlManager.incrementalAlterConfigResource).
     */
    private static Map<ConfigResource, Collection<AlterConfigOp>> alterations(List<String> topics, int round) {
        Map<ConfigResource, Collection<AlterConfigOp>> alter = new LinkedHashMap<>();
        for (String topic : topics) {
            alter.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", Long.toString(3_600_000L + round)), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry("max.message.bytes", Integer.toString(100_000 + round)), AlterConfigOp.OpType.SET)));
        }
        return alter;
    }

    /** An error that comes back at once (not a timeout) would otherwise spin the thread. */
    private void pauseAfterFailure() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private void call(String operation, KafkaFuture<Void> future) {
        inFlight.incrementAndGet();
        try {
            future.get(opTimeoutMs + 1_000, TimeUnit.MILLISECONDS);
            completed.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            failed.increment();
            failures.computeIfAbsent(operation + ": " + cause.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
            pauseAfterFailure();
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
