package io.grposcope.app.ui.chart;

import javafx.scene.paint.Color;

import java.util.List;

/**
 * Fills the stacked traces of a chart (clip fractions high, low) on top of each other. Each layer's height
 * in a pixel column is that trace's maximum there, so a single clipped step stays visible when zoomed out.
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
            for (int col = 0; col < cols; col++) {
                if (reduction.count(col) == 0 || !Float.isFinite(reduction.max(col))) {
                    continue;
                }
                double hi = base[col] + reduction.max(col);
                double yHi = chart.yOf(hi) - top;
                raster.vspan(col, chart.yOf(base[col]) - top, yHi, fill);
                raster.vspan(col, Double.isNaN(prevEdge) ? yHi : prevEdge, yHi, edge);
                prevEdge = yHi;
                base[col] = hi;
            }
        }
    }
}
