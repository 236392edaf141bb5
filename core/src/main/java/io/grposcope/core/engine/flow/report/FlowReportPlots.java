package io.grposcope.core.engine.flow.report;

import io.grposcope.core.metrics.Histogram;
import io.grposcope.core.metrics.StepRecord;
import java.io.IOException;
import java.nio.file.Path;

/** The report's PNGs, one {@link LinePlot} each. */
final class FlowReportPlots {
    private final FlowReport r;
    private final double[] ks;

    FlowReportPlots(FlowReport report, int steps) {
        this.r = report;
        this.ks = new double[steps];
        for (int k = 0; k < steps; k++) {
            ks[k] = k;
        }
    }

    void writeAll(Path dir) throws IOException {
        ratioMean().write(dir.resolve("ratio_mean_per_step.png"));
        ratioStd().write(dir.resolve("ratio_std_per_step.png"));
        logRatioMean().write(dir.resolve("log_ratio_mean_per_step.png"));
        clip().write(dir.resolve("clip_per_step.png"));
        tempflowWeights().write(dir.resolve("tempflow_weights.png"));
        rewardStd().write(dir.resolve("reward_std_per_step.png"));
        rewards().write(dir.resolve("reward_curves.png"));
    }

    private LinePlot ratioMean() {
        return new LinePlot("Importance ratio mean per denoising step (mean over GRPO steps)", "denoising step k",
                "mean w").reference(1.0)
                .add("Flow-GRPO w", ks, r.perStep(FlowReport.VANILLA, "ratio/mean"))
                .add("GRPO-Guard w-hat (normalised)", ks, r.perStep(FlowReport.GUARD, "ratio/mean"))
                .addDashed("GRPO-Guard raw w", ks, r.perStep(FlowReport.GUARD, "ratio_raw/mean"));
    }

    private LinePlot ratioStd() {
        return new LinePlot("Importance ratio std per denoising step", "denoising step k", "std w")
                .add("Flow-GRPO w", ks, r.perStep(FlowReport.VANILLA, "ratio/std"))
                .add("GRPO-Guard w-hat (normalised)", ks, r.perStep(FlowReport.GUARD, "ratio/std"))
                .addDashed("GRPO-Guard raw w", ks, r.perStep(FlowReport.GUARD, "ratio_raw/std"));
    }

    private LinePlot logRatioMean() {
        return new LinePlot("Mean log-ratio the clip sees, per denoising step", "denoising step k", "mean log w")
                .reference(0.0)
                .add("Flow-GRPO", ks, histMean(FlowReport.VANILLA))
                .add("GRPO-Guard (normalised)", ks, histMean(FlowReport.GUARD))
                .add("TempFlow-GRPO", ks, histMean(FlowReport.TEMPFLOW));
    }

    double[] histMean(String method) {
        double[] out = new double[ks.length];
        for (int k = 0; k < ks.length; k++) {
            double s = 0;
            long n = 0;
            for (StepRecord rec : r.runs().get(method)) {
                Histogram h = rec.histograms().get("t" + k + "/log_ratio");
                if (h != null) {
                    s += h.sum();
                    n += h.count();
                }
            }
            out[k] = n == 0 ? Double.NaN : s / n;
        }
        return out;
    }

    private LinePlot clip() {
        return new LinePlot("Clip fractions by advantage sign (hi: A>0, w>1+eps; lo: A<0, w<1-eps)",
                "denoising step k", "fraction")
                .add("Flow-GRPO high", ks, r.perStep(FlowReport.VANILLA, "clip/frac_high"))
                .addDashed("Flow-GRPO low", ks, r.perStep(FlowReport.VANILLA, "clip/frac_low"))
                .add("GRPO-Guard high", ks, r.perStep(FlowReport.GUARD, "clip/frac_high"))
                .addDashed("GRPO-Guard low", ks, r.perStep(FlowReport.GUARD, "clip/frac_low"))
                .add("TempFlow high", ks, r.perStep(FlowReport.TEMPFLOW, "clip/frac_high"))
                .addDashed("TempFlow low", ks, r.perStep(FlowReport.TEMPFLOW, "clip/frac_low"));
    }

    private LinePlot tempflowWeights() {
        return new LinePlot("Step loss weights", "denoising step k", "weight").reference(1.0)
                .add("TempFlow tau_k / mean tau", ks, r.perStep(FlowReport.TEMPFLOW, "weight"))
                .add("GRPO-Guard 1/dt (raw scale)", ks, r.perStep(FlowReport.GUARD, "weight"));
    }

    private LinePlot rewardStd() {
        return new LinePlot("Reward std within prompt groups, per step column", "denoising step k", "std of reward")
                .add("TempFlow (branch at k only)", ks, r.perStep(FlowReport.TEMPFLOW, "reward/std_group_mean"))
                .add("Flow-GRPO (whole SDE trajectory)", ks, r.perStep(FlowReport.VANILLA, "reward/std_group_mean"));
    }

    private LinePlot rewards() {
        LinePlot p = new LinePlot("Reward: fixed-seed ODE eval (solid), rollout mean 5-step avg (dashed)",
                "GRPO step", "reward");
        for (String m : FlowReport.methods()) {
            double[][] e = r.curve(m, "eval/reward/mean", "eval/grpo_step");
            p.add(m + " eval", e[0], e[1]);
            double[][] roll = r.curve(m, "reward/mean", "grpo/step");
            p.addDashed(m + " rollout", roll[0], movingAverage(roll[1], 5));
        }
        return p;
    }

    static double[] movingAverage(double[] y, int w) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double s = 0;
            int n = 0;
            for (int j = Math.max(0, i - w + 1); j <= i; j++) {
                s += y[j];
                n++;
            }
            out[i] = s / n;
        }
        return out;
    }
}
