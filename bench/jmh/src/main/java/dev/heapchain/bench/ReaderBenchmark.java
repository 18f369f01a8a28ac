package dev.heapchain.bench;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.analysis.HistogramPass;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.HprofReadSummary;
import dev.heapchain.hprof.HprofReader;
import dev.heapchain.hprof.HprofVisitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full pass over a synthetic dump, from a warm page cache: with a visitor that does nothing
 * (the reader alone) and with the histogram pass (reader plus per-object bookkeeping).
 * Throughput in MB/s is the file size divided by the time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmx1g"})
public class ReaderBenchmark {
    /** Where the synthetic dump lives; made on first use. */
    @Param("/work/bench-data/jmh-200m.hprof")
    public String dump;

    @Param("200000000")
    public long bytes;

    private HprofFile file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path path = SyntheticDump.ensure(Path.of(dump), bytes);
        file = HprofFile.open(path);
        Files.readAllBytes(path); // warm the page cache before the first iteration
    }

    @Benchmark
    public HprofReadSummary noOpVisitor() {
        return new HprofReader(file).read(new HprofVisitor() {
        });
    }

    @Benchmark
    public ClassHistogram histogram() {
        return HistogramPass.run(file, 0);
    }
}
