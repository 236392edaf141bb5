package io.grposcope.app.ui.chart;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * Fills the stacked traces of a chart (clip fractions high, low) on top of each other. Each layer's height
 * in a pixel column is that trace's maximum there, so a single clipped step stays visible when zoomed out.
 */
final class StackedAreaPainter {
    private final LineChartCanvas chart;
    private final ColumnReduction reduction;

    StackedAreaPainter(LineChartCanvas chart, ColumnReduction reduction) {
        this.chart = chart;
        this.reduction = reduction;
    }

    void paint(GraphicsContext g, ChartPalette p, List<Trace> traces, int cols) {
        double[] base = new double[cols];
        boolean[] has = new boolean[cols];
        for (Trace t : traces) {
            if (!t.stacked()) {
                continue;
            }
            reduction.reduce(t.series(), chartStart(), chartEnd(), cols);
            double[] top = base.clone();
            for (int c = 0; c < cols; c++) {
                if (reduction.count(c) > 0 && Float.isFinite(reduction.max(c))) {
                    top[c] = base[c] + reduction.max(c);
                    has[c] = true;
                }
            }
            fillBand(g, p.trace(t.colorIndex()), base, top, has, cols, t.comparison());
            System.arraycopy(top, 0, base, 0, cols);
        }
    }

    private void fillBand(GraphicsContext g, Color c, double[] lo, double[] hi, boolean[] has, int cols,
                          boolean comparison) {
        double[] xs = new double[cols * 2];
        double[] ys = new double[cols * 2];
        int n = 0;
        for (int col = 0; col < cols; col++) {
            if (has[col]) {
                xs[n] = chart.left() + col + 0.5;
                ys[n++] = chart.yOf(hi[col]);
            }
        }
        int upper = n;
        for (int col = cols - 1; col >= 0; col--) {
            if (has[col]) {
                xs[n] = chart.left() + col + 0.5;
                ys[n++] = chart.yOf(lo[col]);
            }
        }
        if (upper < 1) {
            return;
        }
        g.setFill(c.deriveColor(0, 1, 1, comparison ? 0.2 : 0.45));
        g.fillPolygon(xs, ys, n);
        g.setStroke(c);
        g.setLineWidth(1);
        g.strokePolyline(xs, ys, upper);
    }

    private double chartStart() {
        return chart.axisStart();
    }

    private double chartEnd() {
        return chart.axisEnd() + 0.5;
    }
}
