package io.grposcope.core.metrics;

import java.util.Arrays;

/**
 * A fixed-edge histogram of one metric at one step, as plain Java values.
 * {@code counts.length == edges.length - 1}; values below the first edge fall into the first bucket
 * and values above the last edge into the last, so no finite value is dropped. Non-finite values are
 * counted separately and never enter the buckets or the moments.
 */
public record Histogram(double[] edges, long[] counts, double min, double max, long count,
                        double sum, double sumSquares, long nanCount, long posInfCount, long negInfCount) {

    public Histogram {
        if (edges.length < 2 || counts.length != edges.length - 1) {
            throw new IllegalArgumentException("histogram needs n+1 edges for n counts, got "
                    + edges.length + " edges and " + counts.length + " counts");
        }
    }

    /** Builds a histogram of {@code values} over {@code edges}. */
    public static Histogram of(double[] edges, float[] values) {
        return builder(edges).addAll(values).build();
    }

    public static Builder builder(double[] edges) {
        return new Builder(edges);
    }

    /** Evenly spaced edges from lo to hi. */
    public static double[] linearEdges(double lo, double hi, int buckets) {
        double[] e = new double[buckets + 1];
        for (int i = 0; i <= buckets; i++) {
            e[i] = lo + (hi - lo) * i / buckets;
        }
        return e;
    }

    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    public double std() {
        if (count == 0) {
            return Double.NaN;
        }
        double m = mean();
        return Math.sqrt(Math.max(0, sumSquares / count - m * m));
    }

    public long nonFiniteCount() {
        return nanCount + posInfCount + negInfCount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Arrays.equals(edges, h.edges) && Arrays.equals(counts, h.counts)
                && Double.compare(min, h.min) == 0 && Double.compare(max, h.max) == 0 && count == h.count
                && Double.compare(sum, h.sum) == 0 && Double.compare(sumSquares, h.sumSquares) == 0
                && nanCount == h.nanCount && posInfCount == h.posInfCount && negInfCount == h.negInfCount;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(edges) + Arrays.hashCode(counts) + Long.hashCode(count);
    }

    @Override
    public String toString() {
        return "Histogram[n=" + count + ", min=" + min + ", max=" + max + ", counts=" + Arrays.toString(counts) + "]";
    }

    /** Accumulates values one by one; not thread-safe. */
    public static final class Builder {
        private final double[] edges;
        private final long[] counts;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private long count;
        private double sum;
        private double sumSquares;
        private long nan;
        private long posInf;
        private long negInf;

        private Builder(double[] edges) {
            this.edges = edges.clone();
            this.counts = new long[edges.length - 1];
        }

        public Builder add(double v) {
            if (Double.isNaN(v)) {
                nan++;
            } else if (v == Double.POSITIVE_INFINITY) {
                posInf++;
            } else if (v == Double.NEGATIVE_INFINITY) {
                negInf++;
            } else {
                counts[bucketOf(v)]++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                count++;
                sum += v;
                sumSquares += v * v;
            }
            return this;
        }

        public Builder addAll(float[] values) {
            for (float v : values) {
                add(v);
            }
            return this;
        }

        public Builder addAll(double[] values) {
            for (double v : values) {
                add(v);
            }
            return this;
        }

        private int bucketOf(double v) {
            int i = Arrays.binarySearch(edges, v);
            int bucket = i >= 0 ? i : -i - 2;
            return Math.max(0, Math.min(counts.length - 1, bucket));
        }

        public Histogram build() {
            boolean empty = count == 0;
            return new Histogram(edges.clone(), counts.clone(), empty ? Double.NaN : min, empty ? Double.NaN : max,
                    count, sum, sumSquares, nan, posInf, negInf);
        }
    }
}
