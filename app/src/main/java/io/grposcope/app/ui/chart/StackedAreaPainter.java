package io.grposcope.app.ui.chart;

import javafx.scene.paint.Color;

import java.util.List;

/**
 * Fills the stacked traces of a chart (clip fractions high, low) on top of each other. Each layer's height
 * in a pixel column is that trace's maximum there, so a single clipped step stays visible when zoomed out; zoomed
 * in, a step's value fills the columns up to the next step.
 */
final class StackedAreaPainter {
    private final LineChartCanvas chart;
    private final ColumnReduction reduction;
    private final RasterLayer raster;

    StackedAreaPainter(LineChartCanvas chart, ColumnReduction reduction, RasterLayer raster) {
        this.chart = chart;
        this.reduction = reduction;
        this.raster = raster;
    }

    void paint(ChartPalette p, List<Trace> traces, int cols) {
        double[] base = new double[cols];
        for (Trace t : traces) {
            if (!t.stacked()) {
                continue;
            }
            reduction.reduce(t.series(), chart.axisStart(), chart.axisEnd() + 0.5, cols);
            Color c = p.trace(t.colorIndex());
            int fill = RasterLayer.argb(c, p.background(), t.comparison() ? 0.2 : 0.45);
            int edge = RasterLayer.argb(c, p.background(), 1.0);
            double top = chart.top();
            double prevEdge = Double.NaN;
            int last = lastFilled(cols);
            double held = Double.NaN;
            for (int col = 0; col <= last; col++) {
                boolean has = reduction.count(col) > 0 && Float.isFinite(reduction.max(col));
                // zoomed in, steps are several pixels apart: a step's value holds until the next step
                held = has ? reduction.max(col) : held;
                if (Double.isNaN(held)) {
                    continue;
                }
                double hi = base[col] + held;
                double yHi = chart.yOf(hi) - top;
                raster.vspan(col, chart.yOf(base[col]) - top, yHi, fill);
                raster.vspan(col, Double.isNaN(prevEdge) ? yHi : prevEdge, yHi, edge);
                prevEdge = yHi;
                base[col] = hi;
            }
        }
    }

    private int lastFilled(int cols) {
        for (int col = cols - 1; col >= 0; col--) {
            if (reduction.count(col) > 0 && Float.isFinite(reduction.max(col))) {
                return col;
            }
        }
        return -1;
    }
}
