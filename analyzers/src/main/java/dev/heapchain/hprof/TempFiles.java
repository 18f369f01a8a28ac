package dev.heapchain.hprof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary files heapchain made (inflated gzip dumps), deleted when their owner is done and, as
 * a last resort, by a shutdown hook: the JVM runs hooks on normal exit, System.exit and SIGTERM /
 * SIGINT (Ctrl-C), so an interrupted analysis does not leave a dump-sized file in the temp folder.
 * Only SIGKILL or a JVM crash can leave one behind.
 */
final class TempFiles {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private TempFiles() {
    }

    static void register(Path p) {
        if (!hooked) {
            installHook();
        }
        LIVE.add(p);
    }

    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // Left for the shutdown hook to retry; nothing else can be done here.
            return;
        }
        LIVE.remove(p);
    }

    private static synchronized void installHook() {
        if (hooked) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(TempFiles::delete), "heapchain-temp-cleanup"));
        hooked = true;
    }
}
