package io.grposcope.core.store;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.Histogram;
import io.grposcope.core.metrics.StepRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Prints the store's figures: scalar ingest through a StoreWriter, a 1,000,000-point series read as 2,000
 * buckets, and a 10,000-step × 64-bucket histogram heatmap. Targets: ≥ 200,000 points/s, ≤ 200 ms, ≤ 200 ms.
 */
public final class StoreBench {

    private static final int TAGS = 100;

    private StoreBench() {
    }

    public static void main(String[] args) throws IOException {
        run(args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("grposcope-bench"), System.out);
    }

    public static void run(Path dir, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        out.printf("store bench on %d CPU cores, load average %.2f (wall times include waiting for other"
                + " processes; CPU times do not)%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path db = dir.resolve("bench-" + System.nanoTime() + ".db");
        try (RunStore store = RunStore.open(db)) {
            ingest(store, out);
            seriesRead(store, out);
            heatmap(store, out);
        } finally {
            deleteQuietly(dir, db);
        }
    }

    private static void ingest(RunStore store, PrintStream out) {
        StepRecord[] warm = records(2_000, 7);
        StepRecord[] records = records(20_000, 1);
        ingestOnce(store, warm, "bench-warmup");
        double cpu0 = processCpuSeconds();
        long t0 = System.nanoTime();
        StoreWriter w = ingestOnce(store, records, "bench-ingest");
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = processCpuSeconds() - cpu0;
        long points = (long) records.length * TAGS;
        out.printf("ingest: %,d points (%,d steps x %d scalars, after a %,d-step warm-up) in %.2f s wall ="
                + " %,.0f points/s (target >= 200,000); %.2f s process CPU (%,.0f points per CPU-second), of which"
                + " the writer thread %.2f s; %d commits, %d steps waited on a full queue%n", points, records.length,
                TAGS, warm.length, secs, points / secs, cpu, points / cpu, w.threadCpuSeconds(), w.commits(),
                w.backpressureSteps());
    }

    private static StoreWriter ingestOnce(RunStore store, StepRecord[] records, String name) {
        RunIds ids = store.createRun(RunConfig.defaults(), name);
        try (StoreWriter w = store.writer(ids)) {
            for (StepRecord r : records) {
                w.onStep(r);
            }
            w.flush();
            return w;
        }
    }

    private static StepRecord[] records(int steps, long seed) {
        Random rnd = new Random(seed);
        StepRecord[] records = new StepRecord[steps];
        for (int s = 0; s < steps; s++) {
            StepRecord.Builder b = StepRecord.builder(s, "grpo");
            for (int t = 0; t < TAGS; t++) {
                b.scalar("metric/" + t, rnd.nextGaussian());
            }
            records[s] = b.build();
        }
        return records;
    }

    private static void seriesRead(RunStore store, PrintStream out) {
        RunIds ids = store.createRun(RunConfig.defaults(), "bench-series");
        int n = 1_000_000;
        long t0 = System.nanoTime();
        try (StoreWriter w = store.writer(ids)) {
            for (int s = 0; s < n; s++) {
                w.onStep(new StepRecord(s, "grpo", s, java.util.Map.of("loss", Math.sin(s * 1e-3)),
                        java.util.Map.of(), java.util.Map.of(), java.util.List.of(), java.util.List.of()));
            }
        }
        out.printf("  (wrote %,d one-scalar steps in %.1f s)%n", n, (System.nanoTime() - t0) / 1e9);
        double[] cpu = new double[7];
        double[] ms = time(7, () -> store.series(ids, "loss", Long.MIN_VALUE, Long.MAX_VALUE, 2000), cpu);
        SeriesBuckets b = store.series(ids, "loss", Long.MIN_VALUE, Long.MAX_VALUE, 2000);
        out.printf("series: %,d points -> %d buckets: first read %.1f ms, median %.1f ms wall, median %.1f ms CPU"
                + " (target <= 200 ms); newest step %d%n", b.totalCount(), b.size(), ms[0], median(ms), median(cpu),
                b.newestStep());
        double[] rawCpu = new double[3];
        double[] rawMs = time(3, () -> store.rawSeries(ids, "loss", Long.MIN_VALUE, Long.MAX_VALUE), rawCpu);
        out.printf("raw series: all %,d points: median %.1f ms wall, %.1f ms CPU (no target; for comparison)%n",
                store.rawSeries(ids, "loss", Long.MIN_VALUE, Long.MAX_VALUE).size(), median(rawMs), median(rawCpu));
    }

    private static void heatmap(RunStore store, PrintStream out) {
        RunIds ids = store.createRun(RunConfig.defaults(), "bench-heatmap");
        double[] edges = Histogram.linearEdges(-3, 3, 64);
        Random rnd = new Random(2);
        float[] values = new float[256];
        try (StoreWriter w = store.writer(ids)) {
            for (int s = 0; s < 10_000; s++) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) rnd.nextGaussian();
                }
                w.onStep(StepRecord.builder(s, "grpo").histogram("ratio", Histogram.of(edges, values)).build());
            }
        }
        double[] cpu = new double[7];
        double[] ms = time(7, () -> store.histogramMatrix(ids, "ratio", Long.MIN_VALUE, Long.MAX_VALUE, 0), cpu);
        HistogramMatrix m = store.histogramMatrix(ids, "ratio", Long.MIN_VALUE, Long.MAX_VALUE, 0);
        out.printf("heatmap: %,d steps x %d buckets: first read %.1f ms, median %.1f ms wall, median %.1f ms CPU"
                + " (target <= 200 ms)%n", m.rows(), m.buckets(), ms[0], median(ms), median(cpu));
    }

    /** Wall milliseconds of each repetition; the calling thread's CPU milliseconds go to {@code cpu}. */
    private static double[] time(int reps, Runnable r, double[] cpu) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        return ms;
    }

    /** CPU seconds used by the whole process so far (all threads, JIT and GC included). */
    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void deleteQuietly(Path dir, Path db) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(db.getFileName().toString()))
                    .toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
