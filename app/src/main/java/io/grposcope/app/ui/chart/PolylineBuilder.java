package io.grposcope.app.ui.chart;

import javafx.scene.canvas.GraphicsContext;

import java.util.Arrays;

/** Collects polyline vertices into reused arrays; a NaN y breaks the line so gaps stay visible. */
final class PolylineBuilder {
    private double[] xs = new double[4096];
    private double[] ys = new double[4096];
    private int[] breaks = new int[64];
    private int n;
    private int nBreaks;

    void reset() {
        n = 0;
        nBreaks = 0;
    }

    void add(double x, double y) {
        if (Double.isNaN(y)) {
            if (nBreaks == 0 || breaks[nBreaks - 1] != n) {
                if (nBreaks == breaks.length) {
                    breaks = Arrays.copyOf(breaks, nBreaks * 2);
                }
                breaks[nBreaks++] = n;
            }
            return;
        }
        if (n == xs.length) {
            xs = Arrays.copyOf(xs, n * 2);
            ys = Arrays.copyOf(ys, n * 2);
        }
        xs[n] = x;
        ys[n] = y;
        n++;
    }

    void stroke(GraphicsContext g) {
        int from = 0;
        for (int b = 0; b <= nBreaks; b++) {
            int to = b < nBreaks ? breaks[b] : n;
            int len = to - from;
            if (len > 1) {
                if (from == 0) {
                    g.strokePolyline(xs, ys, len);
                } else {
                    g.strokePolyline(Arrays.copyOfRange(xs, from, to), Arrays.copyOfRange(ys, from, to), len);
                }
            }
            from = to;
        }
    }
}
