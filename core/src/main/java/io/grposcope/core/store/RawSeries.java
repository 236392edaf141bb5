package io.grposcope.core.store;

/** Every stored point of a scalar series in a step range, in step order (NaN and ±Inf as stored). */
public record RawSeries(String tag, long[] steps, long[] wallTimeMillis, double[] values) {

    public int size() {
        return steps.length;
    }
}
