package io.grposcope.core.store;

/**
 * A scalar series reduced to buckets for drawing. Bucket i covers steps {@code firstStep[i]..lastStep[i]}
 * (the steps actually present); min, max and mean are over its finite values (NaN when it has none),
 * {@code last} is the value at {@code lastStep[i]} as stored (may be NaN or ±Inf), {@code nonFinite} counts
 * NaN/±Inf points. Empty buckets are left out. The newest point of the range is always the last bucket's last.
 */
public record SeriesBuckets(String tag, long[] firstStep, long[] lastStep, double[] min, double[] max, double[] mean,
                            double[] last, long[] count, long[] nonFinite) {

    public int size() {
        return firstStep.length;
    }

    public boolean isEmpty() {
        return firstStep.length == 0;
    }

    /** Step of the newest point, or -1 when empty. */
    public long newestStep() {
        return isEmpty() ? -1 : lastStep[size() - 1];
    }

    public double newestValue() {
        return isEmpty() ? Double.NaN : last[size() - 1];
    }

    public long totalCount() {
        long n = 0;
        for (long c : count) {
            n += c;
        }
        return n;
    }
}
