package io.grposcope.app.ui.chart;

import io.grposcope.core.metrics.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a heatmap shows over steps: either one histogram tag (rows = value buckets, counts summed when
 * columns merge) or the per-layer gradient norms (rows = layers, log10 norm, max kept when merging). The
 * row layout is fixed by the first step; later histograms with other edges are re-binned by bucket centre.
 */
public final class HeatmapSeries {
    public static final int CAPACITY = 4096;

    private final String tag;
    private final boolean layers;
    private double[] edges;
    private List<String> rowNames = List.of();
    private ColumnBuffer buffer;
    private long lastNonFinite;

    private HeatmapSeries(String tag, boolean layers) {
        this.tag = tag;
        this.layers = layers;
    }

    public static HeatmapSeries histogram(String tag) {
        return new HeatmapSeries(tag, false);
    }

    public static HeatmapSeries layerNorms() {
        return new HeatmapSeries("grad/layer_norms", true);
    }

    public String tag() {
        return tag;
    }

    public boolean isLayers() {
        return layers;
    }

    /** Bucket edges (histograms) or null (layers). */
    public double[] edges() {
        return edges;
    }

    public List<String> rowNames() {
        return rowNames;
    }

    /** Null until the first step arrived. */
    public ColumnBuffer buffer() {
        return buffer;
    }

    /** Non-finite values seen in the last appended histogram. */
    public long lastNonFinite() {
        return lastNonFinite;
    }

    public void append(long step, Histogram h) {
        if (buffer == null) {
            edges = h.edges().clone();
            buffer = new ColumnBuffer(h.counts().length, CAPACITY, ColumnBuffer.Merge.SUM);
        }
        buffer.append(step, rebin(h));
        lastNonFinite = h.nonFiniteCount();
    }

    public void append(long step, Map<String, Double> layerNorms) {
        if (layerNorms.isEmpty()) {
            return;
        }
        if (buffer == null) {
            rowNames = new ArrayList<>(layerNorms.keySet());
            buffer = new ColumnBuffer(rowNames.size(), CAPACITY, ColumnBuffer.Merge.MAX);
        }
        float[] v = new float[rowNames.size()];
        for (int r = 0; r < v.length; r++) {
            Double n = layerNorms.get(rowNames.get(r));
            v[r] = n == null ? Float.NaN : (float) Math.log10(Math.max(n, 1e-12));
        }
        buffer.append(step, v);
    }

    private float[] rebin(Histogram h) {
        long[] counts = h.counts();
        float[] out = new float[buffer.rows()];
        if (java.util.Arrays.equals(edges, h.edges())) {
            for (int i = 0; i < counts.length; i++) {
                out[i] = counts[i];
            }
            return out;
        }
        double[] e = h.edges();
        for (int i = 0; i < counts.length; i++) {
            double centre = (e[i] + e[i + 1]) / 2;
            int b = java.util.Arrays.binarySearch(edges, centre);
            b = b >= 0 ? b : -b - 2;
            out[Math.max(0, Math.min(out.length - 1, b))] += counts[i];
        }
        return out;
    }
}
