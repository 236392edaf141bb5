package io.grposcope.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.policy.token.Sampler;
import io.grposcope.core.policy.token.TransformerConfig;
import io.grposcope.core.policy.token.TransformerLM;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark main (not a test; run by bench/run.sh). "speed": the bench model's train step and KV-cache sampling,
 * the same workloads as bench/reference.py; "overhead": GRPO step time with all metrics on vs off, interleaved;
 * "rss": resident memory and run-manager array count after 200 and 2000 GRPO steps. Prints one JSON line.
 */
public final class EngineBench {

    private static final TransformerConfig BENCH = new TransformerConfig(32, 128, 4, 2, 48);

    private EngineBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "speed";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Autograd.noGrad();
        switch (mode) {
            case "speed" -> speed(n > 0 ? n : 20, 10);
            case "overhead" -> overhead(n > 0 ? n : 6);
            case "rss" -> rss(n > 0 ? n : 2000);
            default -> throw new IllegalArgumentException("mode must be speed, overhead or rss, got " + mode);
        }
    }

    private static void speed(int iters, int warmup) {
        try (NDManager run = NDManager.newBaseManager()) {
            Rng rng = new Rng(1);
            TransformerLM model = TransformerLM.initialize(run, BENCH, rng, true);
            Adam adam = new Adam(run, model.parameters(), 0.9, 0.999, 1e-8, 0);
            long[] idx = randomTokens(rng, 64 * 48);
            long[] tgt = randomTokens(rng, 64 * 48);
            float[] adv = new float[64];
            for (int i = 0; i < adv.length; i++) {
                adv[i] = (float) rng.nextGaussian();
            }
            double[] train = time(() -> trainStep(run, model, adam, idx, tgt, adv), warmup, iters);
            int[][] prompts = new int[64][1];
            Sampler.Settings s = new Sampler.Settings(1.0, 1.0, 32, -1);
            double[] sample = time(() -> Sampler.sample(model, run, prompts, s, rng, true), Math.max(1, warmup / 3),
                    iters);
            System.out.printf(Locale.ROOT, "{\"engine\": \"djl-pytorch\", \"train_ms\": %.3f, \"train_min_ms\": %.3f,"
                    + " \"sample_kv_ms\": %.3f, \"sample_kv_min_ms\": %.3f}%n", median(train), min(train),
                    median(sample), min(sample));
        }
    }

    /** loss = −(ℓ·adv[B,1]).sum()/B over all 48 positions, backward, Adam, zeroed gradients (reference.py). */
    private static void trainStep(NDManager run, TransformerLM model, Adam adam, long[] idx, long[] tgt, float[] adv) {
        try (NDManager sm = run.newSubManager()) {
            NDArray in = TransformerLM.tokens(sm, idx, 64);
            NDArray target = sm.create(tgt, new Shape(64, 48, 1)).toType(DataType.INT64, false);
            NDArray a = sm.create(adv, new Shape(64, 1));
            Autograd.withCollector(gc -> {
                NDArray logp = model.logits(sm, in).logSoftmax(-1).gather(target, 2).reshape(64, 48);
                gc.backward(logp.mul(a).sum().div(64).neg());
                return null;
            });
            Gradients g = Gradients.read(sm, model.parameters());
            adam.step(sm, model.parameters(), g.arrays(), 3e-4, 1.0);
            g.zero();
        }
    }

    private static void overhead(int rounds) {
        TokenTrainer on = trainer(true, 0);
        TokenTrainer off = trainer(false, 0);
        try {
            on.open();
            off.open();
            List<Double> tOn = new ArrayList<>();
            List<Double> tOff = new ArrayList<>();
            long step = 1;
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 10; k++, step++) {
                    tOn.add(timeStep(on, step));
                    tOff.add(timeStep(off, step));
                }
            }
            double[] a = tOn.stream().skip(10).mapToDouble(Double::doubleValue).toArray();
            double[] b = tOff.stream().skip(10).mapToDouble(Double::doubleValue).toArray();
            System.out.printf(Locale.ROOT, "{\"grpo_step_metrics_on_ms\": %.3f, \"grpo_step_metrics_off_ms\": %.3f,"
                    + " \"overhead_ratio\": %.4f, \"steps_each\": %d}%n", median(a), median(b),
                    median(a) / median(b), a.length);
        } finally {
            on.release();
            off.release();
        }
    }

    private static double timeStep(TokenTrainer t, long step) {
        long t0 = System.nanoTime();
        t.runStep(step);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void rss(int steps) throws IOException {
        TokenTrainer t = trainer(true, 0);
        try {
            t.open();
            int[] at = {Math.min(200, steps), Math.max(1, steps / 2), steps};
            long[] rss = new long[3];
            long[] heap = new long[3];
            int[] arrays = new int[3];
            for (int s = 1; s <= steps; s++) {
                t.runStep(s);
                for (int k = 0; k < 3; k++) {
                    if (s == at[k]) {
                        System.gc();
                        rss[k] = rssKiB();
                        heap[k] = Runtime.getRuntime().totalMemory() / 1024;
                        arrays[k] = t.runManager().getManagedArrays().size();
                    }
                }
            }
            System.out.printf(Locale.ROOT, "{\"steps\": [%d, %d, %d], \"rss_kib\": [%d, %d, %d],"
                    + " \"java_heap_committed_kib\": [%d, %d, %d], \"run_arrays\": [%d, %d, %d],"
                    + " \"rss_growth\": %.4f}%n", at[0], at[1], at[2], rss[0], rss[1], rss[2], heap[0], heap[1],
                    heap[2], arrays[0], arrays[1], arrays[2], (double) rss[2] / rss[0] - 1);
        } finally {
            t.release();
        }
    }

    /** The default run's GRPO step (no warm start), metrics on or off. */
    private static TokenTrainer trainer(boolean metrics, int warm) {
        RunConfig d = RunConfig.defaults();
        RunConfig c = new RunConfig(d.schemaVersion(), "bench", d.task(), d.policy(), d.method(), d.rollout(),
                d.optimizer(), d.ppo(), d.kl(), new RunConfig.WarmStartConfig(warm, 1e-3, 64), d.flow(),
                new RunConfig.MetricsConfig(metrics, d.metrics().histogramBuckets(), d.metrics().logRatioRange(),
                        d.metrics().samplesPerStep()), 7, "cpu", 1_000_000);
        return new TokenTrainer(c, Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static long[] randomTokens(Rng rng, int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextInt(32);
        }
        return a;
    }

    private static double[] time(Runnable r, int warmup, int iters) {
        for (int i = 0; i < warmup; i++) {
            r.run();
        }
        double[] t = new double[iters];
        for (int i = 0; i < iters; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return t;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }
}
