package io.grposcope.app.ui.chart;

import java.util.Arrays;

/**
 * TensorBoard's "classic" smoothing: an exponential moving average debiased like Adam's moments,
 * {@code s_t = m_t / (1 - w^n)} with {@code m_t = w·m_{t-1} + (1-w)·v_t} and n the count of finite values
 * so far, so the curve starts at the first value instead of at zero. Non-finite values pass through
 * unsmoothed and do not touch the average. Kept incrementally in step with a {@link SeriesBuffer}.
 * On a log-scale chart the average is taken over log v (a geometric mean; values ≤ 0 pass through), so one
 * 1e34 spike lifts the curve for a few steps instead of for hundreds.
 */
public final class DebiasedEma {
    private final SeriesBuffer source;
    private double weight;
    private float[] smoothed = new float[1024];
    private int size;
    private double accum;
    private double weightPow = 1;
    private int generation;
    private boolean logDomain;

    public DebiasedEma(SeriesBuffer source, double weight) {
        this.source = source;
        setWeight(weight);
    }

    /** Weight in [0, 0.999]; 0 means no smoothing. Recomputes the whole series once. */
    public void setWeight(double w) {
        if (!(w >= 0 && w <= 0.999)) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 0.999], got " + w);
        }
        weight = w;
        size = 0;
        accum = 0;
        weightPow = 1;
        generation = source.generation();
        catchUp();
    }

    /** Averages log v instead of v (for log-scale charts). Recomputes the whole series once when it changes. */
    public void setLogDomain(boolean on) {
        if (on != logDomain) {
            logDomain = on;
            setWeight(weight);
        }
    }

    public double weight() {
        return weight;
    }

    /** Smooths the points appended to the source since the last call (or restarts after a truncation). */
    public void catchUp() {
        int n = source.size();
        if (n < size || source.generation() != generation) {
            setWeight(weight);
            return;
        }
        if (smoothed.length < n) {
            smoothed = Arrays.copyOf(smoothed, Math.max(n, smoothed.length * 2));
        }
        for (int i = size; i < n; i++) {
            smoothed[i] = next(source.valueAt(i));
        }
        size = n;
    }

    public float valueAt(int i) {
        return smoothed[i];
    }

    public int size() {
        return size;
    }

    private float next(float v) {
        if (!Float.isFinite(v) || logDomain && v <= 0) {
            return v;
        }
        accum = weight * accum + (1 - weight) * (logDomain ? Math.log(v) : v);
        weightPow *= weight;
        double s = accum / (1 - weightPow);
        return (float) (logDomain ? Math.exp(s) : s);
    }

    /** The smoothed values of {@code values} in one pass; for tests and exports. */
    public static double[] smooth(double[] values, double weight) {
        double[] out = new double[values.length];
        double m = 0;
        long n = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                out[i] = v;
                continue;
            }
            m = weight * m + (1 - weight) * v;
            n++;
            out[i] = m / (weight == 0 ? 1 : 1 - Math.pow(weight, n));
        }
        return out;
    }
}
