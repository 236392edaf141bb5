package io.grposcope.core.engine.flow;

import io.grposcope.core.metrics.Histogram;
import io.grposcope.core.metrics.StepRecord;

/**
 * Accumulates one trained denoising step's numbers over the minibatches of a GRPO step and writes them under
 * {@code t{k}/…} (methods-spec §7.3/§7.4): ratio mean/std (as the clip sees it, and raw), the log-ratio histogram,
 * clip fractions by advantage sign and |w−1|>ε, loss, reference KL and the step's own gradient norm.
 */
final class StepStats {
    private final int step;
    private final Histogram.Builder logRatioHist;
    private double wSum;
    private double wSq;
    private double rawSum;
    private double rawSq;
    private long n;
    private long clipHigh;
    private long clipLow;
    private long clipAbs;
    private double lossSum;
    private double klSum;
    private double gradNormSum;
    private double advAbsSum;
    private int batches;

    StepStats(int step, double[] edges) {
        this.step = step;
        this.logRatioHist = Histogram.builder(edges);
    }

    /** Adds one minibatch's rows: transformed and raw log-ratios, advantages, clip bounds. */
    void addRows(float[] logRatio, float[] rawLogRatio, float[] adv, double clipLowEps, double clipHighEps) {
        for (int i = 0; i < logRatio.length; i++) {
            double w = Math.exp(logRatio[i]);
            double raw = Math.exp(rawLogRatio[i]);
            wSum += w;
            wSq += w * w;
            rawSum += raw;
            rawSq += raw * raw;
            logRatioHist.add(logRatio[i]);
            boolean high = w > 1 + clipHighEps;
            boolean low = w < 1 - clipLowEps;
            clipHigh += high && adv[i] > 0 ? 1 : 0;
            clipLow += low && adv[i] < 0 ? 1 : 0;
            clipAbs += high || low ? 1 : 0;
            advAbsSum += Math.abs(adv[i]);
        }
        n += logRatio.length;
    }

    void addBatch(double loss, double kl, double gradNorm) {
        lossSum += loss;
        klSum += kl;
        gradNormSum += gradNorm;
        batches++;
    }

    double meanGradNorm() {
        return batches == 0 ? 0 : gradNormSum / batches;
    }

    double meanLoss() {
        return batches == 0 ? 0 : lossSum / batches;
    }

    double meanKl() {
        return batches == 0 ? 0 : klSum / batches;
    }

    long rows() {
        return n;
    }

    long clipHighCount() {
        return clipHigh;
    }

    long clipLowCount() {
        return clipLow;
    }

    long clipAbsCount() {
        return clipAbs;
    }

    double ratioSum() {
        return wSum;
    }

    double ratioSqSum() {
        return wSq;
    }

    /** Writes the per-step metrics; {@code totalGradNorm} is the sum of every step's own norm (for the share). */
    void write(StepRecord.Builder b, double totalGradNorm) {
        String p = "t" + step + "/";
        double cnt = Math.max(1, n);
        double wm = wSum / cnt;
        double rm = rawSum / cnt;
        b.scalar(p + "ratio/mean", wm);
        b.scalar(p + "ratio/std", Math.sqrt(Math.max(0, wSq / cnt - wm * wm)));
        b.scalar(p + "ratio_raw/mean", rm);
        b.scalar(p + "ratio_raw/std", Math.sqrt(Math.max(0, rawSq / cnt - rm * rm)));
        b.histogram(p + "log_ratio", logRatioHist.build());
        b.scalar(p + "clip/frac_high", clipHigh / cnt);
        b.scalar(p + "clip/frac_low", clipLow / cnt);
        b.scalar(p + "clip/frac_abs_gt_eps", clipAbs / cnt);
        b.scalar(p + "loss", meanLoss());
        b.scalar(p + "kl/ref", meanKl());
        b.scalar(p + "adv/absmean", advAbsSum / cnt);
        b.scalar(p + "grad/norm", meanGradNorm());
        b.scalar(p + "grad/share", totalGradNorm > 0 ? meanGradNorm() / totalGradNorm : 0);
    }
}
