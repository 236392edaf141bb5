package io.grposcope.core.engine;

import io.grposcope.core.algo.KlEstimator;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.Histogram;
import io.grposcope.core.metrics.SampleRow;
import io.grposcope.core.metrics.StepRecord;
import io.grposcope.core.task.CharTokenizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a finished GRPO step into methods-spec §7.4 metrics: rewards, advantages, ratio and log-ratio histogram,
 * entropy, KL to the reference, lengths, gradient norms (global and per layer), timings and throughput, and
 * per-sample rows. With metrics disabled only the headline scalars are kept (for the overhead benchmark).
 */
final class GrpoMetrics {

    private final StepRecord.Builder r;
    private final RunConfig config;
    private final double clipLow;
    private final double clipHigh;
    private long lapStart = System.nanoTime();
    private final Map<String, Double> laps = new LinkedHashMap<>();

    GrpoMetrics(StepRecord.Builder r, RunConfig config, double clipLow, double clipHigh) {
        this.r = r;
        this.config = config;
        this.clipLow = clipLow;
        this.clipHigh = clipHigh;
    }

    /** Time since the last lap, added to the stage's total (dynamic sampling generates several rounds a step). */
    void lap(String stage) {
        long now = System.nanoTime();
        double total = laps.merge(stage, (now - lapStart) / 1e9, Double::sum);
        r.scalar("timing_s/" + stage, total);
        lapStart = now;
    }

    StepRecord finish(TokenBatch b, GrpoStep.PpoResult ppo, double lr, long t0) {
        boolean full = config.metrics().enabled();
        rewards(b);
        lengths(b);
        r.scalar("lr", lr);
        if (ppo != null) {
            ppo.means().results().forEach(r::scalar);
            averageLayers(ppo.layerNorms()).forEach(r::layerNorm);
            if (full) {
                ratios(b, ppo.logRatio());
                klToRef(b);
            }
        }
        if (full) {
            advantages(b);
            if (b.entropy() != null) {
                entropy(b);
            }
            samples(b);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long tokens = (long) b.rows() * b.promptLength();
        for (int i = 0; i < b.rows(); i++) {
            tokens += b.length(i);
        }
        r.scalar("timing_s/step", seconds).scalar("perf/total_num_tokens", tokens)
                .scalar("perf/throughput", tokens / seconds);
        return r.build();
    }

    private void rewards(TokenBatch b) {
        double[] rw = b.rewards();
        r.scalar("reward/mean", Stats.mean(rw)).scalar("reward/std_batch", Stats.std(rw))
                .scalar("reward/min", Stats.min(rw)).scalar("reward/max", Stats.max(rw));
        Map<Integer, List<Double>> groups = new LinkedHashMap<>();
        double correct = 0;
        for (int i = 0; i < rw.length; i++) {
            groups.computeIfAbsent(b.groupIds()[i], k -> new java.util.ArrayList<>()).add(rw[i]);
            correct += b.correct()[i] ? 1 : 0;
        }
        double stdSum = 0;
        int zero = 0;
        for (List<Double> g : groups.values()) {
            double[] v = g.stream().mapToDouble(Double::doubleValue).toArray();
            stdSum += Stats.std(v);
            // equal rewards, not std == 0: the mean of eight 1.1s is not exactly 1.1 in floating point
            zero += Stats.min(v) == Stats.max(v) ? 1 : 0;
        }
        r.scalar("reward/std_group_mean", stdSum / groups.size())
                .scalar("reward/frac_zero_std", (double) zero / groups.size())
                .scalar("reward/accuracy", correct / rw.length);
    }

    private void lengths(TokenBatch b) {
        double[] len = new double[b.rows()];
        double clipped = 0;
        double[] sum = new double[4];
        for (int i = 0; i < len.length; i++) {
            len[i] = b.length(i);
            int last = b.tokens()[i][b.promptLength() + b.length(i) - 1];
            clipped += last != CharTokenizer.EOS ? 1 : 0;
            int k = b.correct()[i] ? 0 : 2;
            sum[k] += len[i];
            sum[k + 1]++;
        }
        r.scalar("len/mean", Stats.mean(len)).scalar("len/max", Stats.max(len)).scalar("len/min", Stats.min(len))
                .scalar("len/clip_ratio", clipped / len.length)
                .scalar("len/correct_mean", sum[1] == 0 ? Double.NaN : sum[0] / sum[1])
                .scalar("len/incorrect_mean", sum[3] == 0 ? Double.NaN : sum[2] / sum[3]);
    }

    private void advantages(TokenBatch b) {
        double[] a = Stats.masked(Minibatch.broadcast(b.advantages(), b.mask()), b.mask());
        double abs = 0;
        for (double v : a) {
            abs += Math.abs(v);
        }
        r.scalar("adv/mean", Stats.mean(a)).scalar("adv/absmean", a.length == 0 ? Double.NaN : abs / a.length)
                .scalar("adv/min", Stats.min(a)).scalar("adv/max", Stats.max(a));
        r.histogram("adv", Histogram.builder(Histogram.linearEdges(-3, 3, config.metrics().histogramBuckets()))
                .addAll(a).build());
    }

    private void ratios(TokenBatch b, float[][] logRatio) {
        double[] w = Stats.masked(b.ratio(), b.mask());
        double[] q = Stats.percentiles(w, 1, 50, 99);
        r.scalar("ratio/mean", Stats.mean(w)).scalar("ratio/std", Stats.std(w)).scalar("ratio/p01", q[0])
                .scalar("ratio/p50", q[1]).scalar("ratio/p99", q[2]);
        RunConfig.MetricsConfig mc = config.metrics();
        double[] edges = Stats.logRatioEdges(mc.logRatioRange(), mc.histogramBuckets(), clipLow, clipHigh);
        r.histogram("log_ratio", Histogram.builder(edges).addAll(Stats.masked(logRatio, b.mask())).build());
    }

    private void klToRef(TokenBatch b) {
        if (b.refLogProbs() == null) {
            return;
        }
        KlEstimator est = KlEstimator.parse(config.kl().estimator());
        double sum = 0;
        int n = 0;
        for (int i = 0; i < b.rows(); i++) {
            for (int t = 0; t < b.completionLength(); t++) {
                if (b.mask()[i][t] != 0) {
                    sum += klValue(est, b.logProbs()[i][t], b.refLogProbs()[i][t]);
                    n++;
                }
            }
        }
        r.scalar("kl/ref", n == 0 ? Double.NaN : sum / n);
    }

    /** Value of the estimator (methods-spec §1.4) for one token; the "+" variants have k1/k3 values. */
    static double klValue(KlEstimator est, double logp, double ref) {
        double x = Math.max(-20, Math.min(20, ref - logp));
        return switch (est) {
            case K1, K1_PLUS -> logp - ref;
            case ABS -> Math.abs(logp - ref);
            case K2 -> 0.5 * (logp - ref) * (logp - ref);
            case K3, K3_PLUS -> Math.max(-10, Math.min(10, Math.exp(x) - x - 1));
        };
    }

    private void entropy(TokenBatch b) {
        double[] h = Stats.masked(b.entropy(), b.mask());
        double[] q = Stats.percentiles(h, 10, 50, 90);
        r.scalar("entropy/token_mean", Stats.mean(h)).scalar("entropy/p10", q[0]).scalar("entropy/p50", q[1])
                .scalar("entropy/p90", q[2]);
        double maxH = Math.log(CharTokenizer.VOCAB_SIZE);
        r.histogram("entropy", Histogram.builder(Histogram.linearEdges(0, maxH, config.metrics().histogramBuckets()))
                .addAll(h).build());
    }

    private void samples(TokenBatch b) {
        int n = Math.min(config.metrics().samplesPerStep(), b.rows());
        for (int i = 0; i < n; i++) {
            r.sample(new SampleRow(i, b.groupIds()[i], b.prompts()[i], b.completions()[i], b.rewards()[i],
                    b.advantages()[i], b.length(i)));
        }
    }

    private static Map<String, Double> averageLayers(List<Map<String, Double>> perMinibatch) {
        Map<String, Double> sum = new LinkedHashMap<>();
        for (Map<String, Double> m : perMinibatch) {
            m.forEach((k, v) -> sum.merge(k, v, Double::sum));
        }
        sum.replaceAll((k, v) -> v / perMinibatch.size());
        return sum;
    }
}
