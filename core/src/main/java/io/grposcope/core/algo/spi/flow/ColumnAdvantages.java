package io.grposcope.core.algo.spi.flow;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-step ("column") group advantages for flow GRPO (methods-spec §3.1, §3.4): within step k, rows sharing a
 * group key get {@code A = (r − mean_group) / (std + 1e-4)}, std the population std of the group or of the whole
 * column ({@code globalStd}), then clipped to ±advClipMax. For plain Flow-GRPO every column holds the same
 * trajectory rewards, so this reduces to the per-trajectory advantage repeated over steps.
 */
public final class ColumnAdvantages {
    public static final double EPS = 1e-4;

    private ColumnAdvantages() {
    }

    /** Advantages and per-group spread of one column. */
    public record Column(float[] advantages, double groupStdMean, double fracZeroStd, double columnStd) {
    }

    public static Column of(float[] rewards, long[] keys, boolean globalStd, double advClipMax) {
        Map<Long, double[]> stats = groupStats(rewards, keys);
        double colStd = populationStd(rewards);
        float[] adv = new float[rewards.length];
        for (int i = 0; i < rewards.length; i++) {
            double[] s = stats.get(keys[i]);
            double std = globalStd ? colStd : s[1];
            double a = (rewards[i] - s[0]) / (std + EPS);
            adv[i] = (float) Math.max(-advClipMax, Math.min(advClipMax, a));
        }
        double stdSum = 0;
        int zero = 0;
        for (double[] s : stats.values()) {
            stdSum += s[1];
            zero += s[1] < 1e-12 ? 1 : 0;
        }
        int groups = Math.max(1, stats.size());
        return new Column(adv, stdSum / groups, (double) zero / groups, colStd);
    }

    /** key → {mean, population std}. */
    private static Map<Long, double[]> groupStats(float[] r, long[] keys) {
        Map<Long, double[]> acc = new HashMap<>();
        for (int i = 0; i < r.length; i++) {
            double[] a = acc.computeIfAbsent(keys[i], k -> new double[3]);
            a[0] += r[i];
            a[1] += (double) r[i] * r[i];
            a[2]++;
        }
        Map<Long, double[]> out = new HashMap<>();
        acc.forEach((k, a) -> {
            double mean = a[0] / a[2];
            out.put(k, new double[] {mean, Math.sqrt(Math.max(0, a[1] / a[2] - mean * mean))});
        });
        return out;
    }

    static double populationStd(float[] r) {
        if (r.length == 0) {
            return 0;
        }
        double m = 0;
        for (float v : r) {
            m += v;
        }
        m /= r.length;
        double s = 0;
        for (float v : r) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / r.length);
    }
}
