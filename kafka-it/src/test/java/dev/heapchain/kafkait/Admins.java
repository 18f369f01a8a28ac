package dev.heapchain.kafkait;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Kafka's own Admin client, pointed at one node's broker listener or straight at controllers (KIP-919). */
final class Admins {
    private Admins() {
    }

    /** Through the broker listener: the path a real client takes; the broker forwards writes to the active controller. */
    static Admin broker(KafkaNode node, int timeoutMs) {
        return create(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, node.brokerBootstrap(), timeoutMs);
    }

    /** bootstrap.controllers: requests go to the controllers' listener and the active controller answers them. */
    static Admin controllers(String bootstrap, int timeoutMs) {
        return create(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, bootstrap, timeoutMs);
    }

    /** Closes each; an Admin with nothing pending closes at once, one still waiting gets a second. */
    static void closeAll(List<Admin> admins) {
        for (Admin admin : admins) {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private static Admin create(String bootstrapKey, String bootstrap, int timeoutMs) {
        Properties props = new Properties();
        props.put(bootstrapKey, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50);
        props.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 20);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        return Admin.create(props);
    }
}
