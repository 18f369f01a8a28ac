package dev.heapchain.util;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Work on the other core, with its errors rethrown as themselves on join. */
public final class Tasks {
    private Tasks() {
    }

    /**
     * The result, with the task's own exception or error rethrown unwrapped: callers above tell an
     * out-of-memory error or a format error by its type.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
