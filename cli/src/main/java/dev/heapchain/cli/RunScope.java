package dev.heapchain.cli;

import dev.heapchain.hprof.HprofFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@link Main#run} call opened: inflated dump copies to delete when it ends, the files it
 * reads (never to be overwritten by a report), and the largest dump, to size the advice when
 * memory runs out. Per thread, because tests (and
 * embedders) run several commands at once in one JVM.
 */
final class RunScope implements AutoCloseable {
    private static final ThreadLocal<RunScope> CURRENT = new ThreadLocal<>();

    private final RunScope outer;
    private final List<HprofFile> open = new ArrayList<>();
    private final List<Path> inputs = new ArrayList<>();
    private long largestDumpBytes = -1;

    private RunScope(RunScope outer) {
        this.outer = outer;
    }

    static RunScope open() {
        RunScope s = new RunScope(CURRENT.get());
        CURRENT.set(s);
        return s;
    }

    /** The scope of the running command; a throwaway one when called outside {@link Main#run}. */
    static RunScope current() {
        RunScope s = CURRENT.get();
        return s != null ? s : new RunScope(null);
    }

    /** Keeps the file until the run ends (or {@link #release}) and notes its uncompressed size. */
    HprofFile track(HprofFile file) {
        open.add(file);
        inputs.add(file.path());
        long size = file.dataSize() >= 0 ? file.dataSize() : file.fileSize();
        largestDumpBytes = Math.max(largestDumpBytes, size);
        return file;
    }

    /** Closes a file early: batch commands analyze one dump at a time and need one copy at a time. */
    void release(HprofFile file) {
        if (open.remove(file)) {
            file.close();
        }
    }

    /** Notes a file the command reads, so no report is written over it. */
    void input(Path p) {
        inputs.add(p);
    }

    /** Whether {@code target} is a file this run reads (a report path given as the dump by mistake). */
    boolean isInput(Path target) {
        for (Path p : inputs) {
            try {
                if (Files.exists(target) && Files.isSameFile(p, target)) {
                    return true;
                }
            } catch (IOException e) {
                // Unreadable either way: Output reports the write failure itself.
            }
        }
        return false;
    }

    long largestDumpBytes() {
        return largestDumpBytes;
    }

    @Override
    public void close() {
        open.forEach(HprofFile::close);
        open.clear();
        if (outer != null) {
            CURRENT.set(outer);
        } else {
            CURRENT.remove();
        }
    }
}
