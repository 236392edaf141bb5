package io.grposcope.app.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Side panel: the selected step's histogram (bars over the bucket edges) for one heatmap tag. When the
 * step lies in a merged column the bars show that column's summed counts and the title says which steps.
 */
public final class HistogramPanel extends Region {
    private final Canvas canvas = new Canvas();
    private final Region probe = new Region();
    private HeatmapSeries series;
    private long step = -1;
    private boolean dirty = true;
    private ChartPalette palette;

    public HistogramPanel() {
        probe.setManaged(false);
        probe.setVisible(false);
        getChildren().addAll(canvas, probe);
        setPrefSize(260, 200);
        setMinSize(120, 100);
    }

    public void show(HeatmapSeries s, long selectedStep) {
        if (s != series || selectedStep != step) {
            series = s;
            step = selectedStep;
            dirty = true;
        }
    }

    /** Re-reads the theme's colours at the next draw (after a light/dark switch). */
    public void refreshTheme() {
        palette = null;
        dirty = true;
    }

    public void invalidate() {
        dirty = true;
    }

    /** The counts currently drawn (empty when nothing is selected); for tests. */
    public float[] shownCounts() {
        int c = columnIndex();
        return c < 0 ? new float[0] : series.buffer().column(c);
    }

    public void renderIfDirty() {
        if (!dirty || getWidth() < 2) {
            return;
        }
        dirty = false;
        if (palette == null && getScene() != null) {
            palette = ChartPalette.resolve(probe);
        }
        ChartPalette p = palette == null ? ChartPalette.fallback() : palette;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(p.background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFont(Font.font(11));
        g.setFill(p.foreground());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        int c = columnIndex();
        if (c < 0) {
            g.fillText(series == null ? "" : series.tag() + ": click a chart to pick a step", 6, 4);
            return;
        }
        ColumnBuffer b = series.buffer();
        String range = b.stepStart(c) == b.stepEnd(c) ? "step " + b.stepStart(c)
                : "steps " + b.stepStart(c) + "–" + b.stepEnd(c) + " (merged)";
        g.fillText(series.tag() + " @ " + range, 6, 4);
        paintBars(g, p, b.column(c));
    }

    private void paintBars(GraphicsContext g, ChartPalette p, float[] counts) {
        double left = 8;
        double top = 22;
        double w = canvas.getWidth() - 16;
        double h = canvas.getHeight() - top - 18;
        float peak = 0;
        for (float v : counts) {
            peak = Math.max(peak, v);
        }
        double bw = w / counts.length;
        g.setFill(p.accent());
        for (int i = 0; i < counts.length; i++) {
            double bh = peak > 0 ? counts[i] / peak * h : 0;
            g.fillRect(left + i * bw, top + h - bh, Math.max(1, bw - 1), bh);
        }
        double[] e = series.edges();
        g.setFill(p.muted());
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(Ticks.format(e[0]), left, top + h + 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Ticks.format(e[e.length - 1]), left + w, top + h + 2);
    }

    private int columnIndex() {
        if (series == null || series.buffer() == null || step < 0) {
            return -1;
        }
        return series.buffer().columnOf(step);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(snapSizeX(getWidth()));
            canvas.setHeight(snapSizeY(getHeight()));
            dirty = true;
        }
    }
}
