package dev.heapchain.util;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Array memory past the budget: a {@link ScratchFile} mapped read-write and shared, so the kernel
 * pages it to disk when memory is short instead of the process failing. One mapping per array,
 * of any length (FileChannel.map stops at 2 GiB, so the JDK's own mapping call is used, opened to
 * this module by the jar's {@code Add-Opens} manifest entry, or the test run's
 * {@code --add-opens}). The file is sparse and reads as zeros; it has no name from the moment it is
 * made, and its space comes back when the mapping goes, by {@link #unmap} or by the process's end.
 *
 * <p>Before mapping, the length is checked against the folder's {@link ScratchFile#room}: a page
 * written to a file whose disk is full would kill the process with SIGBUS, so a file that does not
 * fit is never made, and allocation fails with {@link NativeMemory.Exhausted} naming the folder and the space.
 */
final class FileMemory {
    private static final Method MAP0;
    private static final Method UNMAP0;
    /**
     * Whether arrays may go to files: the JDK's mapping call is reachable and
     * {@code -Dheapchain.memoryFiles=false} was not given. Without it, the budget is a hard limit.
     */
    static final boolean AVAILABLE;
    /** sun.nio.ch.FileChannelImpl's protection code for a shared read-write mapping. */
    private static final int MAP_RW = 1;

    static {
        Method map = null;
        Method unmap = null;
        try {
            Class<?> impl = Class.forName("sun.nio.ch.FileChannelImpl");
            map = impl.getDeclaredMethod("map0", int.class, long.class, long.class, boolean.class);
            unmap = impl.getDeclaredMethod("unmap0", long.class, long.class);
            map.setAccessible(true);
            unmap.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Another JDK's internals, or the package not opened: arrays stay within the budget.
            map = null;
            unmap = null;
        }
        MAP0 = map;
        UNMAP0 = unmap;
        AVAILABLE = map != null && !"false".equals(System.getProperty("heapchain.memoryFiles"));
    }

    private FileMemory() {
    }

    /**
     * The address of {@code bytes} of zeroed memory backed by a new file in {@code folder}.
     *
     * @param used the bytes in memory now, and {@code limit} the budget, for the error's message
     */
    static long map(Path folder, long bytes, long used, long limit) {
        long room = ScratchFile.room(folder);
        if (bytes > room) {
            throw new NativeMemory.Exhausted(bytes, used, limit, folder, room, null);
        }
        long length = Math.max(1, bytes);
        try (ScratchFile file = ScratchFile.create(folder, ".mem")) {
            FileChannel channel = file.channel();
            channel.write(ByteBuffer.allocate(1), length - 1); // the length; the rest stays a hole
            // The mapping outlives the channel, as a MappedByteBuffer's does.
            return (long) MAP0.invoke(channel, MAP_RW, 0L, length, false);
        } catch (IOException e) {
            throw new NativeMemory.Exhausted(bytes, used, limit, folder, room, e.getMessage());
        } catch (InvocationTargetException e) {
            throw new NativeMemory.Exhausted(bytes, used, limit, folder, room, String.valueOf(e.getCause()));
        } catch (IllegalAccessException e) {
            throw new NativeMemory.Exhausted(bytes, used, limit, folder, room, e.getMessage());
        }
    }

    static void unmap(long address, long bytes) {
        try {
            UNMAP0.invoke(null, address, Math.max(1, bytes));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot unmap array memory: " + e, e);
        }
    }
}
