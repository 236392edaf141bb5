package io.grposcope.core.engine;

import java.util.Arrays;

/** Plain-Java summaries of metric values (already copied out of the engine): moments and percentiles. */
public final class Stats {

    private Stats() {
    }

    /** Values of {@code x} where {@code mask} is non-zero, row by row. */
    public static double[] masked(float[][] x, float[][] mask) {
        int n = 0;
        for (float[] row : mask) {
            for (float m : row) {
                n += m != 0 ? 1 : 0;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            for (int t = 0; t < x[i].length; t++) {
                if (mask[i][t] != 0) {
                    out[k++] = x[i][t];
                }
            }
        }
        return out;
    }

    public static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Population standard deviation. */
    public static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return v.length == 0 ? Double.NaN : Math.sqrt(s / v.length);
    }

    public static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    public static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    /** Linear-interpolated percentiles (numpy's default) of {@code v} at each q in [0, 100]. */
    public static double[] percentiles(double[] v, double... q) {
        double[] out = new double[q.length];
        if (v.length == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        for (int i = 0; i < q.length; i++) {
            double pos = q[i] / 100.0 * (s.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(s.length - 1, lo + 1);
            out[i] = s[lo] + (s[hi] - s[lo]) * (pos - lo);
        }
        return out;
    }

    /**
     * Evenly spaced edges over [−range, range] with log(1−ε_low) and log(1+ε_high) added as exact edges, so the
     * clip boundaries of the log-ratio histogram fall on bucket borders.
     */
    public static double[] logRatioEdges(double range, int buckets, double clipLow, double clipHigh) {
        double[] base = io.grposcope.core.metrics.Histogram.linearEdges(-range, range, buckets);
        double lo = Math.log(Math.max(1e-12, 1 - clipLow));
        double hi = Math.log(1 + clipHigh);
        return Arrays.stream(concat(base, lo, hi)).sorted().distinct().toArray();
    }

    private static double[] concat(double[] a, double... b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
