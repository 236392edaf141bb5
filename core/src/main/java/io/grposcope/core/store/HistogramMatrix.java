package io.grposcope.core.store;

/**
 * A histogram tag over a step range as a step × bucket matrix for heatmaps. All rows use {@code edges} (those of
 * the newest step); rows stored with other edges are re-binned by overlap. {@code counts[r]} belongs to steps
 * {@code fromStep[r]..toStep[r]} (one step per row unless rows were merged to fit a row limit);
 * {@code nonFinite[r]} counts NaN/±Inf values of those steps.
 */
public record HistogramMatrix(String tag, long[] fromStep, long[] toStep, double[] edges, double[][] counts,
                              long[] nonFinite) {

    public int rows() {
        return fromStep.length;
    }

    public int buckets() {
        return edges.length - 1;
    }
}
