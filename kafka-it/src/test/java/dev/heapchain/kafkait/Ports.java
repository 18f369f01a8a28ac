package dev.heapchain.kafkait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free loopback ports, all held open together while picking so one call never returns a port twice. */
final class Ports {
    private Ports() {
    }

    /**
     * There is a window between closing these sockets and Kafka binding the ports in which another
     * process could take one; Kafka then fails to start with a bind error in its log, which is
     * loud, not silent.
     */
    static int[] free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket we never accepted on; nothing to recover
                }
            }
        }
    }
}
