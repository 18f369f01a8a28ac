package dev.heapchain.analysis;

import java.util.Set;
import java.util.function.Consumer;

/**
 * How {@link HeapAnalysis} runs on a dump: one value instead of positional flags. Start from
 * {@link #defaults()} and change what differs: {@code AnalysisOptions.defaults().withKeepWeak(true)}.
 *
 * @param dump       which heap dump of the file to read, as {@link dev.heapchain.hprof.HprofReader} counts them
 * @param keepWeak   follow Reference.referent edges (weak, soft, phantom, final) in paths and dominators
 * @param capture    classes whose instances' field values later analyses read (see
 *                   {@link dev.heapchain.graph.CapturedFields}); their subclasses' too
 * @param setQueries the caller will ask for retained sizes of sets or walk the dominator tree
 *                   (analyze): the tree's order is then built on the other core while the engine
 *                   finishes, instead of on first use
 * @param progress   receives phase names as work starts, for a progress line
 */
public record AnalysisOptions(int dump, boolean keepWeak, Set<String> capture, boolean setQueries,
                              Consumer<String> progress) {
    private static final AnalysisOptions DEFAULTS = new AnalysisOptions(0, false, Set.of(), false, phase -> { });

    public AnalysisOptions {
        capture = Set.copyOf(capture);
        java.util.Objects.requireNonNull(progress, "progress");
    }

    /** The first dump, weak references left out, nothing captured, no set queries, no progress. */
    public static AnalysisOptions defaults() {
        return DEFAULTS;
    }

    public AnalysisOptions withDump(int dump) {
        return new AnalysisOptions(dump, keepWeak, capture, setQueries, progress);
    }

    public AnalysisOptions withKeepWeak(boolean keepWeak) {
        return new AnalysisOptions(dump, keepWeak, capture, setQueries, progress);
    }

    public AnalysisOptions withCapture(Set<String> capture) {
        return new AnalysisOptions(dump, keepWeak, capture, setQueries, progress);
    }

    public AnalysisOptions withSetQueries(boolean setQueries) {
        return new AnalysisOptions(dump, keepWeak, capture, setQueries, progress);
    }

    public AnalysisOptions withProgress(Consumer<String> progress) {
        return new AnalysisOptions(dump, keepWeak, capture, setQueries, progress);
    }
}
