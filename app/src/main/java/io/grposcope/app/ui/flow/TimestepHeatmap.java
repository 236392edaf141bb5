package io.grposcope.app.ui.flow;

import io.grposcope.app.ui.bridge.RunData;
import io.grposcope.app.ui.chart.SeriesBuffer;
import io.grposcope.app.ui.glossary.Glossary;
import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * One per-timestep metric of a flow run as a heatmap: denoising step k down, training step across, colour the
 * value of {@code t{k}/<metric>} (log10 if asked). Each pixel column shows the maximum of the steps it covers, so
 * spikes survive. Reads the run's series on the FX thread; draws only when a step arrived or the size changed.
 */
public final class TimestepHeatmap extends Region {
    static final int MAX_STEPS = 64;
    private static final double LEFT = 34;
    private static final double TOP = 18;
    /** The bundled glossary is fixed text, so one copy serves every heatmap. */
    private static final Glossary GLOSSARY = Glossary.load();

    private final RunData data;
    private final String metric;
    private final boolean log;
    private final Canvas canvas = new Canvas();
    private long drawnStep = -2;
    private double[] range = {Double.NaN, Double.NaN};

    public TimestepHeatmap(RunData data, String metric, boolean log) {
        this.data = data;
        this.metric = metric;
        this.log = log;
        getChildren().add(canvas);
        setMinHeight(120);
        setPrefHeight(150);
        widthProperty().addListener((o, a, b) -> drawnStep = -2);
        heightProperty().addListener((o, a, b) -> drawnStep = -2);
        Tooltip.install(this, tooltip(GLOSSARY.perStepTooltip(metric)));
    }

    /** Styled like the dashboard's chart-title tooltips. */
    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    /** Number of trained steps k seen so far. */
    public int rows() {
        int k = 0;
        while (k < MAX_STEPS && data.scalarTags().contains("t" + k + "/" + metric)) {
            k++;
        }
        return k;
    }

    /** [min, max] of the coloured values at the last draw (log10 when log). */
    public double[] range() {
        return range.clone();
    }

    public void render() {
        if (data.lastStep() == drawnStep || getWidth() < LEFT + 10 || getHeight() < TOP + 10) {
            return;
        }
        drawnStep = data.lastStep();
        int rows = rows();
        int cols = (int) Math.max(1, getWidth() - LEFT - 4);
        double[][] cells = new double[rows][cols];
        range = fill(cells, rows, cols);
        draw(cells, rows, cols);
    }

    private double[] fill(double[][] cells, int rows, int cols) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < rows; k++) {
            SeriesBuffer s = data.series("t" + k + "/" + metric);
            java.util.Arrays.fill(cells[k], Double.NaN);
            int n = s.size();
            for (int i = 0; i < n; i++) {
                // a step covers its whole share of the width, so a short run fills the panel without gaps
                int c0 = (int) ((long) i * cols / Math.max(1, n));
                int c1 = Math.max(c0 + 1, (int) ((long) (i + 1) * cols / Math.max(1, n)));
                double v = value(s.valueAt(i));
                if (Double.isFinite(v)) {
                    for (int c = c0; c < c1 && c < cols; c++) {
                        cells[k][c] = Double.isNaN(cells[k][c]) ? v : Math.max(cells[k][c], v);
                    }
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    private double value(float v) {
        return log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
    }

    private void draw(double[][] cells, int rows, int cols) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        g.setFill(Color.GRAY);
        g.fillText(String.format(Locale.ROOT, "%s per denoising step%s  [%s, %s]", metric, log ? " (log10)" : "",
                fmt(range[0]), fmt(range[1])), LEFT, 13);
        if (rows == 0) {
            return;
        }
        double h = (getHeight() - TOP - 2) / rows;
        for (int k = 0; k < rows; k++) {
            g.setFill(Color.GRAY);
            g.fillText("k" + k, 2, TOP + h * k + h / 2 + 4);
            for (int c = 0; c < cols; c++) {
                if (!Double.isNaN(cells[k][c])) {
                    g.setFill(colour(cells[k][c]));
                    g.fillRect(LEFT + c, TOP + h * k, 1.0, Math.ceil(h));
                }
            }
        }
    }

    /** Dark blue (low) to yellow (high), roughly viridis. */
    private Color colour(double v) {
        double t = range[1] > range[0] ? (v - range[0]) / (range[1] - range[0]) : 0.5;
        return Color.color(clamp(-0.1 + 1.1 * t * t), clamp(0.1 + 0.8 * t), clamp(0.35 + 0.3 * Math.sin(Math.PI * t) - 0.3 * t));
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "–";
    }
}
