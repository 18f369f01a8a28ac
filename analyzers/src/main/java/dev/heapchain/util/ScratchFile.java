package dev.heapchain.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A temporary file heapchain writes and reads back (a gzip dump inflated once, an array spilled
 * off the memory peak), held through one open channel, made so that no run leaves it behind:
 *
 * <ul>
 *   <li>It is opened with DELETE_ON_CLOSE. On Linux and macOS the JDK unlinks the name right after
 *       opening (POSIX lets an open or memory-mapped file live on without a name), so the space
 *       comes back when the channel closes or the process ends, however it ends: SIGKILL and the
 *       out-of-memory killer included. Nothing is ever visible in the folder.</li>
 *   <li>Where an open file keeps its name (Windows: the flag makes the system delete it when the
 *       last handle closes, which a killed process also does), a shutdown hook deletes whatever
 *       is left on normal exit, SIGTERM and Ctrl-C.</li>
 * </ul>
 *
 * <p>The space rule lives here too: {@link #room} is what a file may take in a folder, the free
 * space less a {@link #reserve} left to the rest of the machine.
 */
public final class ScratchFile implements AutoCloseable {
    private static final Set<Path> NAMED = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private final Path folder;
    private final Path path;
    private final FileChannel channel;
    private final boolean named;

    private ScratchFile(Path folder, Path path, FileChannel channel, boolean named) {
        this.folder = folder;
        this.path = path;
        this.channel = channel;
        this.named = named;
    }

    /** The system temp folder: where scratch files go when no --tmp was given. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * A new empty file in {@code folder}, readable and writable by the owner only (a dump holds
     * secrets), already without a name where the platform allows.
     */
    public static ScratchFile create(Path folder, String suffix) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        FileAttribute<?>[] ownerOnly = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        for (int attempt = 0; ; attempt++) {
            Path path = folder.resolve("heapchain-" + ProcessHandle.current().pid() + "-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + suffix);
            FileChannel channel;
            try {
                channel = FileChannel.open(path, options, ownerOnly);
            } catch (FileAlreadyExistsException e) {
                if (attempt < 10) {
                    continue;
                }
                throw e;
            }
            boolean named = Files.exists(path);
            if (named) {
                register(path);
            }
            return new ScratchFile(folder, path, channel, named);
        }
    }

    public FileChannel channel() {
        return channel;
    }

    public Path folder() {
        return folder;
    }

    /** Whether the file still has a name in its folder (only where the platform cannot unlink open files). */
    public boolean named() {
        return named;
    }

    /**
     * Bytes a scratch file may take in {@code folder}: its usable space less the {@link #reserve};
     * {@code Long.MAX_VALUE} when the system cannot say.
     */
    public static long room(Path folder) {
        try {
            var store = Files.getFileStore(folder);
            return Math.max(0, store.getUsableSpace() - reserve(store.getTotalSpace()));
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Space left free for everyone else: a twentieth of the file system, at most 1 GiB. Filling a
     * shared temp folder to the last byte would fail other programs' writes for as long as we ran.
     */
    static long reserve(long totalSpace) {
        return Math.min(1L << 30, totalSpace / 20);
    }

    /** "1,234 MB" or "56 KB": sizes in messages about space. */
    public static String describeBytes(long bytes) {
        if (bytes >= 10L << 20) {
            return String.format(java.util.Locale.ROOT, "%,d MB", bytes >> 20);
        }
        return String.format(java.util.Locale.ROOT, "%,d KB", Math.max(1, (bytes + 1023) >> 10));
    }

    /** Closes the channel, which frees the space; deletes the name too where it still has one. Safe to call twice. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a file we only wrote and read cannot lose data; the name, if any, goes below.
        }
        if (named) {
            try {
                Files.deleteIfExists(path);
                NAMED.remove(path);
            } catch (IOException e) {
                // Left for the shutdown hook to retry.
            }
        }
    }

    private static void register(Path p) {
        if (!hooked) {
            installHook();
        }
        NAMED.add(p);
    }

    private static synchronized void installHook() {
        if (hooked) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> NAMED.forEach(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // Nothing more can be done while the JVM exits.
            }
        }), "heapchain-temp-cleanup"));
        hooked = true;
    }
}
