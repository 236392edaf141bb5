package io.grposcope.app.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * A heatmap over the shared step axis: x = step, y = value bucket (histogram tags, each pixel column
 * normalised to its own peak so the shape stays visible as counts change) or layer (log10 gradient norm,
 * scaled over the visible range). Guide lines (e.g. log(1±ε) clip bounds) are drawn across.
 */
public final class HeatmapCanvas extends PlotCanvas {
    private final HeatmapSeries series;
    private final List<DoubleSupplier> guides = new ArrayList<>();
    private WritableImage image;
    private int[] pixels = new int[0];

    public HeatmapCanvas(String title, HeatmapSeries series, XAxisLink axis, EventLog events) {
        super(title, axis, events);
        this.series = series;
    }

    public HeatmapSeries series() {
        return series;
    }

    /** A horizontal line at a value read at each draw (clip bounds change live). */
    public void addGuide(DoubleSupplier value) {
        guides.add(value);
        invalidate();
    }

    /** Takes over the guide lines of a placeholder heatmap. */
    public void guidesFrom(HeatmapCanvas other) {
        guides.addAll(other.guides);
        invalidate();
    }

    @Override
    protected void paintPlot(GraphicsContext g, ChartPalette p) {
        paintXAxis(g, p);
        ColumnBuffer b = series.buffer();
        if (b == null || b.size() == 0) {
            g.setFill(p.muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("no data yet", LEFT + plotWidth() / 2, TOP + plotHeight() / 2);
            return;
        }
        int cols = Math.max(1, (int) plotWidth());
        int rows = b.rows();
        if (image == null || image.getWidth() != cols || image.getHeight() != rows) {
            image = new WritableImage(cols, rows);
            pixels = new int[cols * rows];
        }
        fillPixels(b, cols, rows, p);
        image.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbPreInstance(), pixels, 0, cols);
        g.setImageSmoothing(false);
        g.drawImage(image, LEFT, TOP, cols, plotHeight());
        paintYAxis(g, p, rows);
        paintGuides(g, p);
    }

    private void fillPixels(ColumnBuffer b, int cols, int rows, ChartPalette p) {
        int bg = toArgb(p.background());
        double w = (axis.end() + 1 - axis.start()) / cols;
        float[] acc = new float[rows];
        float gMin = Float.POSITIVE_INFINITY;
        float gMax = Float.NEGATIVE_INFINITY;
        boolean[] has = new boolean[cols];
        float[][] colValues = new float[cols][];
        for (int c = 0; c < cols; c++) {
            double lo = axis.start() + c * w;
            int from = Math.max(0, b.upperBound(lo) - 1);
            int to = Math.max(from + 1, b.upperBound(lo + w));
            java.util.Arrays.fill(acc, series.isLayers() ? Float.NEGATIVE_INFINITY : 0f);
            for (int k = from; k < Math.min(to, b.size()); k++) {
                if (b.stepEnd(k) + 1 <= lo || b.stepStart(k) >= lo + w) {
                    continue;
                }
                has[c] = true;
                for (int r = 0; r < rows; r++) {
                    acc[r] = series.isLayers() ? Math.max(acc[r], b.value(k, r)) : acc[r] + b.value(k, r);
                }
            }
            if (has[c]) {
                colValues[c] = acc.clone();
                for (float v : acc) {
                    if (Float.isFinite(v)) {
                        gMin = Math.min(gMin, v);
                        gMax = Math.max(gMax, v);
                    }
                }
            }
        }
        int danger = toArgb(p.danger());
        for (int c = 0; c < cols; c++) {
            float peak = has[c] ? peak(colValues[c]) : 0;
            for (int r = 0; r < rows; r++) {
                int y = rows - 1 - r;
                pixels[y * cols + c] = has[c] ? colour(colValues[c][r], peak, gMin, gMax, danger) : bg;
            }
        }
    }

    private static float peak(float[] col) {
        float peak = 0;
        for (float x : col) {
            peak = Math.max(peak, x);
        }
        return peak;
    }

    private int colour(float v, float peak, float gMin, float gMax, int danger) {
        if (!Float.isFinite(v)) {
            return danger;
        }
        if (series.isLayers()) {
            return Viridis.at(gMax > gMin ? (v - gMin) / (gMax - gMin) : 0.5);
        }
        return peak <= 0 ? Viridis.ARGB[0] : Viridis.at(Math.sqrt(v / peak));
    }

    private void paintYAxis(GraphicsContext g, ChartPalette p, int rows) {
        g.setFill(p.muted());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        if (series.isLayers()) {
            List<String> names = series.rowNames();
            int every = Math.max(1, (int) Math.ceil(rows * 12 / plotHeight()));
            for (int r = 0; r < rows; r += every) {
                String n = names.get(r);
                g.fillText(n.length() > 9 ? n.substring(n.length() - 9) : n, LEFT - 3, rowY(r + 0.5, rows));
            }
            return;
        }
        double[] e = series.edges();
        for (double t : Ticks.nice(e[0], e[e.length - 1], Math.max(2, (int) (plotHeight() / 30)))) {
            g.fillText(Ticks.format(t), LEFT - 3, valueY(t));
        }
    }

    private void paintGuides(GraphicsContext g, ChartPalette p) {
        if (series.isLayers()) {
            return;
        }
        g.setStroke(p.danger());
        g.setLineWidth(1.2);
        g.setLineDashes(6, 4);
        for (DoubleSupplier s : guides) {
            double y = valueY(s.getAsDouble());
            if (Double.isFinite(y) && y >= TOP && y <= TOP + plotHeight()) {
                g.strokeLine(LEFT, y, LEFT + plotWidth(), y);
            }
        }
        g.setLineDashes((double[]) null);
    }

    /** Pixel y of a value on the bucket axis (edges may be uneven, so interpolate inside the bucket). */
    double valueY(double v) {
        double[] e = series.edges();
        int n = e.length - 1;
        int i = java.util.Arrays.binarySearch(e, v);
        i = i >= 0 ? Math.min(i, n - 1) : Math.max(0, Math.min(n - 1, -i - 2));
        double frac = i + (v - e[i]) / (e[i + 1] - e[i]);
        return rowY(Math.max(0, Math.min(n, frac)), n);
    }

    private double rowY(double row, int rows) {
        return TOP + (1 - row / rows) * plotHeight();
    }

    @Override
    protected String readout(double step) {
        ColumnBuffer b = series.buffer();
        int c = b == null ? -1 : b.columnOf(step);
        if (c < 0) {
            return "step " + (long) step;
        }
        String range = b.stepStart(c) == b.stepEnd(c) ? "step " + b.stepStart(c)
                : "steps " + b.stepStart(c) + "–" + b.stepEnd(c);
        if (series.isLayers()) {
            int best = 0;
            for (int r = 1; r < b.rows(); r++) {
                best = b.value(c, r) > b.value(c, best) ? r : best;
            }
            return range + "  max " + series.rowNames().get(best) + " = "
                    + String.format("%.3g", Math.pow(10, b.value(c, best)));
        }
        return range;
    }

    private static int toArgb(javafx.scene.paint.Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
