package io.grposcope.core.engine.flow;

import io.grposcope.core.algo.spi.flow.ColumnAdvantages;
import io.grposcope.core.algo.spi.flow.FlowBatch;
import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.FlowSchedule;
import io.grposcope.core.algo.spi.flow.FlowTimestepSelector;
import io.grposcope.core.algo.spi.flow.StepSlice;
import io.grposcope.core.metrics.SampleRow;
import io.grposcope.core.metrics.StepRecord;
import io.grposcope.core.task.flow.PointModesTask;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the per-timestep and run-level flow metrics (canonical names of methods-spec §7.4) into a step record. */
final class FlowMetrics {
    private FlowMetrics() {
    }

    static void writeSteps(StepRecord.Builder b, Map<Integer, StepStats> stats, List<ColumnAdvantages.Column> cols,
                           List<StepSlice> slices, FlowMethod method, FlowSchedule schedule, int[] trainedSteps) {
        double ownNormSum = stats.values().stream().mapToDouble(StepStats::meanGradNorm).sum();
        double n = 0;
        double wSum = 0;
        double wSq = 0;
        double high = 0;
        double low = 0;
        double abs = 0;
        double kl = 0;
        double loss = 0;
        for (int i = 0; i < slices.size(); i++) {
            int k = slices.get(i).step();
            StepStats st = stats.get(k);
            st.write(b, ownNormSum);
            String p = "t" + k + "/";
            b.scalar(p + "weight", method.weighting().weight(k, schedule, trainedSteps));
            b.scalar(p + "tau", schedule.tau(k));
            b.scalar(p + "reward/std_group_mean", cols.get(i).groupStdMean());
            b.scalar(p + "reward/std", cols.get(i).columnStd());
            n += st.rows();
            wSum += st.ratioSum();
            wSq += st.ratioSqSum();
            high += st.clipHighCount();
            low += st.clipLowCount();
            abs += st.clipAbsCount();
            kl += st.meanKl();
            loss += st.meanLoss();
        }
        int steps = Math.max(1, slices.size());
        double cnt = Math.max(1, n);
        double wm = wSum / cnt;
        b.scalar("ratio/mean", wm);
        b.scalar("ratio/std", Math.sqrt(Math.max(0, wSq / cnt - wm * wm)));
        b.scalar("clip/frac_high", high / cnt);
        b.scalar("clip/frac_low", low / cnt);
        b.scalar("clip/frac_abs_gt_eps", abs / cnt);
        b.scalar("clip/frac_region", (high + low) / cnt);
        b.scalar("kl/ref", kl / steps);
        b.scalar("loss/policy", loss / steps);
        b.scalar("flow/trained_steps", slices.size());
        if (method.selector() != FlowTimestepSelector.FRACTION && trainedSteps.length > 0) {
            // a window (Flow-GRPO-Fast, MixGRPO) moves between steps: its first step shows where it is
            b.scalar("flow/window_start", java.util.Arrays.stream(trainedSteps).min().getAsInt());
        }
    }

    /** Reward metrics of the rollout's final samples, and up to {@code limit} sample rows. */
    static void writeRewards(StepRecord.Builder b, FlowBatch batch, PointModesTask task, int limit) {
        float[] r = batch.finalRewards();
        ColumnAdvantages.Column byPrompt = ColumnAdvantages.of(r, toKeys(batch.finalPrompts()), false, Double.MAX_VALUE);
        double mean = 0;
        for (float v : r) {
            mean += v;
        }
        mean /= Math.max(1, r.length);
        double sq = 0;
        for (float v : r) {
            sq += (v - mean) * (v - mean);
        }
        b.scalar("reward/mean", mean);
        b.scalar("reward/std_batch", Math.sqrt(sq / Math.max(1, r.length)));
        b.scalar("reward/std_group_mean", byPrompt.groupStdMean());
        b.scalar("reward/frac_zero_std", byPrompt.fracZeroStd());
        b.scalar("reward/hit_rate", task.hitRate(batch.finals(), batch.finalPrompts()));
        for (int i = 0; i < Math.min(limit, r.length); i++) {
            float[] x = batch.finals()[i];
            int c = batch.finalPrompts()[i];
            b.sample(new SampleRow(i, c, task.prompt(c), String.format(Locale.ROOT, "(%.4f, %.4f)", x[0], x[1]),
                    r[i], byPrompt.advantages()[i], batch.slices().size()));
        }
    }

    static long[] toKeys(int[] ids) {
        long[] k = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            k[i] = ids[i];
        }
        return k;
    }
}
