package dev.heapchain.util;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Work on the other core, with its errors rethrown as themselves on join. Tasks get threads of
 * their own rather than the common pool's: on two cores that pool has one thread, so a task that
 * waits there behind another (or behind its own caller, when a pool task forks) runs late.
 */
public final class Tasks {
    private Tasks() {
    }

    /** Runs {@code work} on a new daemon thread; the future completes with its result or its error. */
    public static <T> CompletableFuture<T> start(java.util.function.Supplier<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                future.complete(work.get());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "heapchain-task");
        t.setDaemon(true);
        t.start();
        return future;
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

    /**
     * Runs {@code here} on this thread and {@code there} on a thread of its own (not the common
     * pool, whose one thread on two cores may be busy), and returns when both are done; an error
     * in either is rethrown as itself, this thread's first.
     */
    public static void both(Runnable here, Runnable there) {
        Throwable[] failed = new Throwable[1];
        Thread other = new Thread(() -> {
            try {
                there.run();
            } catch (Throwable t) {
                failed[0] = t;
            }
        }, "heapchain-worker");
        other.setDaemon(true);
        other.start();
        try {
            here.run();
        } finally {
            boolean interrupted = false;
            while (true) {
                try {
                    other.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (failed[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failed[0] instanceof Error e) {
            throw e;
        }
    }
}
