package io.grposcope.app.ui.chart;

import io.grposcope.core.metrics.RunEvent;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Base of the run view's plots: a Canvas on the shared step axis ({@link XAxisLink}) with zoom (wheel),
 * pan (drag), crosshair (hover), step selection (click), reset (double click) and event markers. Clicking the
 * marker of an inspectable event (spike, non-finite, breakpoint) hands it to the {@link EventLog}'s inspect
 * handler instead of selecting the step. Drawing happens only in {@link #renderIfDirty()}, which the run view's
 * pulse calls at most once per frame.
 */
public abstract class PlotCanvas extends Region {
    protected static final double LEFT = 58;
    protected static final double RIGHT = 10;
    protected static final double TOP = 22;
    protected static final double BOTTOM = 20;
    protected static final Font FONT = Font.font(11);
    /** Inspectable markers are a little larger than the others, and the click zone around them larger still. */
    private static final double MARKER_HALF = 5;
    private static final double MARKER_DEPTH = 8;
    private static final double HIT_HALF = 6;
    private static final double HIT_TOP = TOP - 3;
    private static final double HIT_BOTTOM = TOP + 13;
    private static final double READOUT_Y = HIT_BOTTOM - 1;

    protected final XAxisLink axis;
    protected final EventLog events;
    protected final Label title = new Label();
    private final Canvas canvas = new Canvas();
    private final Region probe = new Region();
    private final Runnable axisListener = this::invalidate;
    private ChartPalette palette = ChartPalette.fallback();
    private boolean paletteStale = true;
    private boolean dirty = true;
    private long renders;
    private double dragX = Double.NaN;
    private boolean overMarker;
    private final double[] triX = new double[3];
    private final double[] triY = new double[3];

    protected PlotCanvas(String titleText, XAxisLink axis, EventLog events) {
        this.axis = axis;
        this.events = events;
        title.setText(titleText);
        title.getStyleClass().add("plot-title");
        probe.setManaged(false);
        probe.setVisible(false);
        getChildren().addAll(canvas, title, probe);
        getStyleClass().add("plot-canvas");
        setMinSize(160, 90);
        setPrefSize(420, 170);
        axis.addListener(axisListener);
        installMouse();
        widthProperty().addListener((o, a, b) -> invalidate());
        heightProperty().addListener((o, a, b) -> invalidate());
        sceneProperty().addListener((o, a, b) -> refreshTheme());
    }

    public final String titleText() {
        return title.getText();
    }

    /** The glossary tooltip sits on the title, so hovering the plot itself stays free for the crosshair. */
    public final void setTitleTooltip(javafx.scene.control.Tooltip t) {
        title.setTooltip(t);
    }

    public final javafx.scene.control.Tooltip titleTooltip() {
        return title.getTooltip();
    }

    public final void invalidate() {
        dirty = true;
    }

    public final boolean isDirty() {
        return dirty;
    }

    /** Number of times this plot has been drawn; lets tests and the bench see work being done. */
    public final long renderCount() {
        return renders;
    }

    public final void refreshTheme() {
        paletteStale = true;
        invalidate();
    }

    /** Draws now if anything changed since the last draw. */
    public final void renderIfDirty() {
        if (!dirty || getWidth() < 2 || getHeight() < 2) {
            return;
        }
        dirty = false;
        if (paletteStale && getScene() != null) {
            palette = ChartPalette.resolve(probe);
            paletteStale = false;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(palette.background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFont(FONT);
        paintPlot(g, palette);
        paintMarkers(g);
        paintCrosshair(g);
        renders++;
    }

    /** Stops listening to the shared axis; the plot is dead afterwards. */
    public void dispose() {
        axis.removeListener(axisListener);
    }

    protected abstract void paintPlot(GraphicsContext g, ChartPalette p);

    /** Text shown at the crosshair (value readout), or null. */
    protected abstract String readout(double step);

    protected final ChartPalette palette() {
        return palette;
    }

    /** Centre of the marker an event at {@code step} gets, in this node's coordinates (where a click opens it). */
    public final Point2D markerPoint(long step) {
        return new Point2D(Math.round(xOf(step)) + 0.5, TOP + 4);
    }

    protected final double plotWidth() {
        return Math.max(1, canvas.getWidth() - LEFT - RIGHT);
    }

    protected final double plotHeight() {
        return Math.max(1, canvas.getHeight() - TOP - BOTTOM);
    }

    protected final double xOf(double step) {
        return LEFT + (step - axis.start()) / (axis.end() - axis.start()) * plotWidth();
    }

    protected final double stepOf(double x) {
        return axis.start() + (x - LEFT) / plotWidth() * (axis.end() - axis.start());
    }

    protected final void paintXAxis(GraphicsContext g, ChartPalette p) {
        double[] ticks = Ticks.nice(axis.start(), axis.end(), Math.max(2, (int) (plotWidth() / 90)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(1);
        for (double t : ticks) {
            double x = Math.round(xOf(t));
            // axis-aligned 1-px rectangles instead of stroked lines: the software pipeline fills these cheaply
            g.setFill(p.grid());
            g.fillRect(x, TOP, 1, plotHeight());
            g.setFill(p.muted());
            g.fillText(Ticks.format(t), x + 0.5, TOP + plotHeight() + 3);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            invalidate();
        }
        title.resizeRelocate(LEFT, 2, Math.max(10, w - LEFT - RIGHT), TOP - 4);
    }

    private void paintMarkers(GraphicsContext g) {
        g.setLineWidth(1);
        boolean clickable = events.canInspect();
        List<RunEvent> marked = events.between(axis.start(), axis.end());
        // two passes: the markers a person can click are drawn last, so a pause at the same step cannot hide them
        for (int pass = 0; pass < 2; pass++) {
            for (RunEvent e : marked) {
                if (EventLog.inspectable(e) == (pass == 0)) {
                    continue;
                }
                paintMarker(g, e, clickable);
            }
        }
    }

    private void paintMarker(GraphicsContext g, RunEvent e, boolean clickable) {
        double x = Math.round(xOf(e.step())) + 0.5;
        if (EventLog.FULL_HEIGHT.contains(e.type())) {
            g.setFill(palette.eventColor(e.type()).deriveColor(0, 1, 1, 0.55));
            g.fillRect(x - 0.5, TOP, 1, plotHeight());
        }
        boolean big = clickable && EventLog.inspectable(e);
        double half = big ? MARKER_HALF : 4;
        triX[0] = x - half;
        triX[1] = x + half;
        triX[2] = x;
        triY[0] = TOP;
        triY[1] = TOP;
        triY[2] = TOP + (big ? MARKER_DEPTH : 6);
        g.setFill(palette.eventColor(e.type()));
        g.fillPolygon(triX, triY, 3);
        if (big) {
            // an outline in the background colour keeps neighbouring clickable markers apart
            g.setStroke(palette.background());
            g.strokePolygon(triX, triY, 3);
        }
    }

    private void paintCrosshair(GraphicsContext g) {
        double c = axis.crosshair();
        long sel = axis.selectedStep();
        if (sel >= axis.start() && sel <= axis.end()) {
            double x = Math.round(xOf(sel)) + 0.5;
            g.setStroke(palette.accent());
            g.setLineWidth(1.5);
            g.strokeLine(x, TOP, x, TOP + plotHeight());
        }
        if (Double.isNaN(c) || c < axis.start() || c > axis.end()) {
            return;
        }
        double x = Math.round(xOf(c)) + 0.5;
        g.setStroke(palette.foreground().deriveColor(0, 1, 1, 0.5));
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        g.strokeLine(x, TOP, x, TOP + plotHeight());
        g.setLineDashes((double[]) null);
        String text = readout(c);
        RunEvent near = events.near(c, (axis.end() - axis.start()) / plotWidth() * 3);
        if (near != null) {
            text = (text == null ? "" : text + "   ") + near.type() + " " + near.message();
            text = fit(text, events.canInspect() && EventLog.inspectable(near) ? "  · click its marker to inspect" : "");
        }
        if (text != null) {
            // top-right, under the marker band (markers stay visible and clickable), never over the title
            double w = Math.min(plotWidth(), text.length() * 6.3);
            g.setFill(palette.background().deriveColor(0, 1, 1, 0.85));
            g.fillRect(LEFT + plotWidth() - w - 4, READOUT_Y, w + 4, 15);
            g.setFill(palette.foreground());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(text, LEFT + plotWidth() - 2, READOUT_Y + 1);
        }
    }

    /** {@code text + suffix}, with text cut short (…) so the whole line fits the plot and the suffix stays. */
    private String fit(String text, String suffix) {
        int max = (int) (plotWidth() / 6.3);
        if (text.length() + suffix.length() <= max) {
            return text + suffix;
        }
        return text.substring(0, Math.max(0, max - suffix.length() - 1)) + "…" + suffix;
    }

    private void installMouse() {
        setOnMouseMoved(e -> {
            axis.setCrosshair(Math.round(stepOf(e.getX())));
            setOverMarker(markerAt(e.getX(), e.getY()) != null);
        });
        setOnMouseExited(e -> {
            axis.setCrosshair(Double.NaN);
            setOverMarker(false);
        });
        setOnScroll(this::onScroll);
        setOnMousePressed(e -> dragX = e.getX());
        setOnMouseDragged(this::onDrag);
        setOnMouseReleased(e -> dragX = Double.NaN);
        setOnMouseClicked(this::onClick);
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            axis.zoom(stepOf(e.getX()), e.getDeltaY() > 0 ? 0.8 : 1.25);
        }
    }

    private void onDrag(MouseEvent e) {
        if (Double.isNaN(dragX)) {
            return;
        }
        double delta = (dragX - e.getX()) / plotWidth() * (axis.end() - axis.start());
        dragX = e.getX();
        axis.pan(delta);
    }

    /** The inspectable event whose marker is under (x, y), or null (also when nothing can be inspected). */
    private RunEvent markerAt(double x, double y) {
        if (y < HIT_TOP || y > HIT_BOTTOM || x < LEFT - HIT_HALF || x > LEFT + plotWidth() + HIT_HALF) {
            return null;
        }
        double stepsPerPixel = (axis.end() - axis.start()) / plotWidth();
        RunEvent e = events.inspectableNear(stepOf(x), HIT_HALF * stepsPerPixel);
        return e != null && e.step() >= axis.start() && e.step() <= axis.end() ? e : null;
    }

    private void setOverMarker(boolean over) {
        if (over != overMarker) {
            overMarker = over;
            setCursor(over ? Cursor.HAND : null);
        }
    }

    private void onClick(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        RunEvent marker = markerAt(e.getX(), e.getY());
        if (marker != null) {
            // a double click on a marker must not also reset the zoom the person chose to find it
            if (e.getClickCount() == 1) {
                events.inspect(marker);
            }
            return;
        }
        if (e.getClickCount() == 2) {
            axis.reset();
        } else {
            axis.select(Math.max(0, Math.round(stepOf(e.getX()))));
        }
    }
}
