package io.grposcope.app.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/**
 * A scalar chart of long series on a Canvas: raw values reduced per pixel column to exact min/max (spikes
 * survive), the debiased-EMA smoothed curve on top, optional log scale and stacked areas (clip fractions).
 * Cost per frame depends on the pixel width, not on the number of steps.
 */
public final class LineChartCanvas extends PlotCanvas {
    private final List<Trace> traces = new ArrayList<>();
    private final List<java.util.function.DoubleSupplier> guides = new ArrayList<>();
    private final ColumnReduction reduction = new ColumnReduction();
    private final PolylineBuilder line = new PolylineBuilder();
    private final RasterLayer raster = new RasterLayer();
    private double smoothing;
    private boolean logScale;
    private double yMin;
    private double yMax;

    public LineChartCanvas(String title, XAxisLink axis, EventLog events, double smoothing) {
        super(title, axis, events);
        this.smoothing = smoothing;
    }

    public Trace addTrace(SeriesBuffer s, String label, boolean comparison, boolean stacked) {
        Trace t = new Trace(s, label, traces.size(), comparison, stacked, smoothing);
        t.smoothed().setLogDomain(logScale);
        traces.add(t);
        invalidate();
        return t;
    }

    /** A dashed horizontal line at a value read at each draw (e.g. the gradient clip threshold). */
    public void addGuide(java.util.function.DoubleSupplier value) {
        guides.add(value);
        invalidate();
    }

    public void removeComparisonTraces() {
        traces.removeIf(Trace::comparison);
        invalidate();
    }

    public List<Trace> traces() {
        return List.copyOf(traces);
    }

    /** Number of raw points behind this chart (all traces); grows as the run trains. */
    public int pointCount() {
        int n = 0;
        for (Trace t : traces) {
            n += t.series().size();
        }
        return n;
    }

    public void setSmoothing(double w) {
        smoothing = w;
        traces.forEach(t -> t.smoothed().setWeight(w));
        invalidate();
    }

    public void setLogScale(boolean log) {
        logScale = log;
        traces.forEach(t -> t.smoothed().setLogDomain(log));
        invalidate();
    }

    public boolean logScale() {
        return logScale;
    }

    @Override
    protected void paintPlot(GraphicsContext g, ChartPalette p) {
        int cols = Math.max(1, (int) plotWidth());
        computeYRange(cols);
        paintYAxis(g, p);
        paintXAxis(g, p);
        raster.reset(cols, (int) plotHeight());
        if (traces.stream().anyMatch(Trace::stacked)) {
            new StackedAreaPainter(this, reduction, raster).paint(p, traces, cols);
        }
        for (Trace t : traces) {
            if (!t.stacked()) {
                paintTrace(g, p, t, cols);
            }
        }
        raster.draw(g, LEFT, TOP);
        paintGuides(g, p);
        paintLegend(g, p);
    }

    private void paintGuides(GraphicsContext g, ChartPalette p) {
        g.setStroke(p.danger());
        g.setLineWidth(1);
        g.setLineDashes(6, 4);
        for (java.util.function.DoubleSupplier s : guides) {
            double y = yOf(s.getAsDouble());
            if (Double.isFinite(y) && y >= TOP && y <= TOP + plotHeight()) {
                g.strokeLine(LEFT, y, LEFT + plotWidth(), y);
            }
        }
        g.setLineDashes((double[]) null);
    }

    private void paintTrace(GraphicsContext g, ChartPalette p, Trace t, int cols) {
        t.smoothed().catchUp();
        Color c = p.trace(t.colorIndex());
        boolean smoothOn = smoothing > 0;
        g.setLineDashes(t.comparison() ? new double[] {5, 4} : null);
        g.setLineWidth(1);
        g.setStroke(smoothOn ? c.deriveColor(0, 0.6, 1, 0.35) : c);
        SeriesBuffer s = t.series();
        int from = s.lowerBound(axis.start());
        int to = s.lowerBound(axis.end() + 0.5);
        if (to - from <= cols) {
            paintPoints(g, s, Math.max(0, from - 1), Math.min(s.size(), to + 1), false, t);
            if (smoothOn) {
                g.setStroke(c);
                g.setLineWidth(1.6);
                paintPoints(g, s, Math.max(0, from - 1), Math.min(s.size(), to + 1), true, t);
            }
        } else {
            paintColumns(s, cols, t, smoothOn, c, p);
        }
        g.setLineDashes((double[]) null);
    }

    private void paintPoints(GraphicsContext g, SeriesBuffer s, int from, int to, boolean smooth, Trace t) {
        line.reset();
        boolean dots = !smooth && to - from <= 60;
        for (int i = from; i < to; i++) {
            float v = smooth ? t.smoothed().valueAt(i) : s.valueAt(i);
            double x = xOf(s.stepAt(i));
            double y = yOf(v);
            line.add(x, y);
            if (dots && !Double.isNaN(y)) {
                // few points: mark each, so a run's first step is visible before there is a line
                g.setFill(g.getStroke());
                g.fillRect(x - 1.5, y - 1.5, 3, 3);
            }
        }
        line.stroke(g);
    }

    private void paintColumns(SeriesBuffer s, int cols, Trace t, boolean smoothOn, Color c, ChartPalette p) {
        reduction.reduce(s, axis.start(), axis.end() + 0.5, cols);
        int raw = RasterLayer.argb(c, p.background(), smoothOn ? 0.35 : 1.0);
        int smooth = RasterLayer.argb(c, p.background(), 1.0);
        double prev = Double.NaN;
        for (int col = 0; col < cols; col++) {
            if (reduction.count(col) == 0 || t.comparison() && (col / 4) % 2 == 1) {
                prev = reduction.count(col) == 0 ? prev : Double.NaN;
                continue;
            }
            double top = yOf(reduction.max(col)) - TOP;
            double bottom = yOf(reduction.min(col)) - TOP;
            raster.vspan(col, top, bottom, raw);
            double first = yOf(reduction.first(col)) - TOP;
            raster.vspan(col, Double.isNaN(prev) ? first : prev, first, raw);
            prev = yOf(reduction.last(col)) - TOP;
        }
        if (!smoothOn) {
            return;
        }
        double last = Double.NaN;
        for (int col = 0; col < cols; col++) {
            if (reduction.count(col) > 0) {
                double y = yOf(t.smoothed().valueAt(reduction.lastIndex(col))) - TOP;
                raster.vspan(col, Double.isNaN(last) ? y : last, y, smooth);
                raster.vspan(col + 1, y, y, smooth);
                last = y;
            }
        }
    }

    private void computeYRange(int cols) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        float[] mm = new float[2];
        for (Trace t : traces) {
            SeriesBuffer s = t.series();
            s.minMax(s.lowerBound(axis.start()), s.lowerBound(axis.end() + 0.5), mm);
            if (!Float.isNaN(mm[0])) {
                lo = Math.min(lo, mm[0]);
                hi = Math.max(hi, t.stacked() ? mm[1] * stackedCount() : mm[1]);
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            lo = 0;
            hi = 1;
        }
        for (java.util.function.DoubleSupplier s : guides) {
            double v = s.getAsDouble();
            if (Double.isFinite(v) && (!logScale || v > 0)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (traces.stream().anyMatch(Trace::stacked)) {
            lo = Math.min(0, lo);
        }
        if (logScale) {
            hi = Math.log10(Math.max(hi, 1e-12));
            lo = lo > 0 ? Math.log10(lo) : hi - 4;
        }
        if (hi - lo < 1e-12) {
            double pad = hi != 0 ? Math.abs(hi) * 0.05 : 0.5;
            lo -= pad;
            hi += pad;
        }
        double pad = (hi - lo) * 0.05;
        yMin = lo - pad;
        yMax = hi + pad;
    }

    private int stackedCount() {
        return (int) traces.stream().filter(Trace::stacked).count();
    }

    /** Pixel y of a data value (log applied when on); NaN for values that cannot be drawn. */
    double yOf(double v) {
        if (!Double.isFinite(v)) {
            return Double.NaN;
        }
        double t = logScale ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
        return TOP + (1 - (t - yMin) / (yMax - yMin)) * plotHeight();
    }

    double axisStart() {
        return axis.start();
    }

    double axisEnd() {
        return axis.end();
    }

    double top() {
        return TOP;
    }

    double left() {
        return LEFT;
    }

    double plotBottom() {
        return TOP + plotHeight();
    }

    private void paintYAxis(GraphicsContext g, ChartPalette p) {
        double[] ticks = Ticks.nice(yMin, yMax, Math.max(2, (int) (plotHeight() / 35)));
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : Double.NaN;
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        for (double t : ticks) {
            double y = Math.round(TOP + (1 - (t - yMin) / (yMax - yMin)) * plotHeight());
            g.setFill(p.grid());
            g.fillRect(LEFT, y, plotWidth(), 1);
            g.setFill(p.muted());
            g.fillText(logScale ? "1e" + Ticks.format(t) : Ticks.format(t, step), LEFT - 4, y);
        }
    }

    private void paintLegend(GraphicsContext g, ChartPalette p) {
        if (traces.size() < 2 || !Double.isNaN(axis.crosshair())) {
            return;
        }
        // entries in trace order (the run's own first) while they fit between the title and the right edge
        double room = plotWidth() - titleText().length() * 7.0 - 16;
        int shown = 0;
        double used = 0;
        for (Trace t : traces) {
            double w = t.label().length() * 6.2 + 12;
            if (used + w > room) {
                break;
            }
            used += w;
            shown++;
        }
        double x = LEFT + plotWidth();
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        if (shown < traces.size()) {
            String more = "+" + (traces.size() - shown);
            if (used + more.length() * 6.2 + 12 <= room) {
                g.setFill(p.foreground().deriveColor(0, 1, 1, 0.6));
                g.fillText(more, x, 4);
                x -= more.length() * 6.2 + 12;
            }
        }
        for (int i = shown - 1; i >= 0; i--) {
            Trace t = traces.get(i);
            g.setFill(p.trace(t.colorIndex()));
            g.fillText(t.label(), x, 4);
            x -= t.label().length() * 6.2 + 12;
        }
    }

    @Override
    protected String readout(double step) {
        StringBuilder sb = new StringBuilder("step ").append((long) step);
        for (Trace t : traces) {
            SeriesBuffer s = t.series();
            int i = Math.min(s.size() - 1, s.lowerBound(step));
            if (i >= 0 && Math.abs(s.stepAt(i) - step) < 0.5) {
                sb.append("  ").append(t.label()).append('=').append(String.format("%.4g", s.valueAt(i)));
            }
        }
        return sb.toString();
    }
}
