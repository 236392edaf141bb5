package io.grposcope.app.ui.chart;

import io.grposcope.core.metrics.EventType;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Colours a chart draws with, read from the theme's looked-up colours (AtlantaFX {@code -color-*}) so the
 * canvas follows light and dark themes like the rest of the window.
 */
public record ChartPalette(Color background, Color foreground, Color muted, Color grid, Color[] traces,
                           Color accent, Color warning, Color danger, Color success, Color done) {

    private static final String[] TRACE_LOOKUPS = {
        "-color-accent-fg", "-color-success-fg", "-color-danger-fg", "-color-warning-fg", "-color-chart-5",
        "-color-accent-emphasis", "-color-success-emphasis", "-color-fg-muted"};

    /** A fixed palette for when no theme is applied (tests, headless snapshots). */
    public static ChartPalette fallback() {
        Color[] t = {Color.web("#0969da"), Color.web("#1a7f37"), Color.web("#cf222e"), Color.web("#9a6700"),
            Color.web("#8250df"), Color.web("#0550ae"), Color.web("#116329"), Color.web("#57606a")};
        return new ChartPalette(Color.web("#ffffff"), Color.web("#24292f"), Color.web("#57606a"),
                Color.web("#d0d7de"), t, t[0], t[3], t[2], t[1], t[4]);
    }

    /** Resolves the looked-up colours through {@code probe}, a node inside the themed scene. */
    public static ChartPalette resolve(Region probe) {
        ChartPalette f = fallback();
        Color[] traces = new Color[TRACE_LOOKUPS.length];
        for (int i = 0; i < traces.length; i++) {
            traces[i] = lookup(probe, TRACE_LOOKUPS[i], f.traces()[i]);
        }
        return new ChartPalette(lookup(probe, "-color-bg-default", f.background()),
                lookup(probe, "-color-fg-default", f.foreground()), lookup(probe, "-color-fg-muted", f.muted()),
                lookup(probe, "-color-border-muted", f.grid()), traces, traces[0], traces[3], traces[2],
                traces[1], traces[4]);
    }

    public Color trace(int i) {
        return traces[Math.floorMod(i, traces.length)];
    }

    /** The colour of an event marker, by kind. */
    public Color eventColor(EventType type) {
        return switch (type) {
            case SPIKE, BREAKPOINT, BACKPRESSURE -> warning;
            case NON_FINITE, ERROR -> danger;
            case ROLLBACK, SKIP -> done;
            case CHECKPOINT, CAPTURE -> success;
            case PARAM_CHANGE -> accent;
            default -> muted;
        };
    }

    private static Color lookup(Region probe, String name, Color fallback) {
        if (probe == null || probe.getScene() == null) {
            return fallback;
        }
        probe.setStyle("-fx-background-color: " + name + ";");
        probe.applyCss();
        Background bg = probe.getBackground();
        if (bg == null || bg.getFills().isEmpty()) {
            return fallback;
        }
        Paint p = bg.getFills().get(0).getFill();
        return p instanceof Color c ? c : fallback;
    }
}
