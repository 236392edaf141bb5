package io.grposcope.app.ui.run;

import io.grposcope.app.ui.bridge.RunData;
import io.grposcope.app.ui.chart.HeatmapCanvas;
import io.grposcope.app.ui.chart.HistogramPanel;
import io.grposcope.app.ui.glossary.Glossary;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.LiveParam;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * One run's window content: control bar, the dashboard of linked charts, a side panel (selected step's
 * histogram, live parameters) and the status bar. One AnimationTimer per view drains the bridge and draws
 * once per pulse; {@link #close()} stops it and releases charts and subscriptions.
 */
public final class RunView extends BorderPane {
    private final RunViewModel vm;
    private final Dashboard dashboard;
    private final HistogramPanel histogram = new HistogramPanel();
    private final ComboBox<String> histogramTag = new ComboBox<>();
    private final LiveParamsPane params;
    private final FrameStats stats = new FrameStats(8192);
    private final ControlBar controls;
    private final StatusBar status;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long t0 = System.nanoTime();
            onPulse(now);
            stats.record(t0, System.nanoTime());
        }
    };
    private boolean closed;

    public RunView(RunViewModel vm, Glossary glossary) {
        this.vm = vm;
        this.params = new LiveParamsPane(vm);
        RunConfig c = vm.config();
        double gradClip = c == null ? Double.NaN : c.optimizer().gradClip();
        this.dashboard = new Dashboard(vm.data(), glossary, () -> param(LiveParam.CLIP_LOW, 0.2),
                () -> param(LiveParam.CLIP_HIGH, 0.2), () -> gradClip, c);
        this.controls = new ControlBar(vm, dashboard);
        this.status = new StatusBar(vm);
        getStyleClass().add("run-view");
        ScrollPane scroll = new ScrollPane(dashboard);
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(4));
        // The skin caches its viewport as one bitmap: every chart update would re-render the whole dashboard
        // into that cache. Charts change every step, so the cache only costs time; switch it off.
        scroll.skinProperty().addListener((o, a, b) -> {
            javafx.scene.Node viewport = scroll.lookup(".viewport");
            if (viewport != null) {
                viewport.setCache(false);
            }
        });
        setTop(controls);
        setCenter(scroll);
        setRight(sidePanel(vm));
        setBottom(status);
        vm.attach();
        pulse.start();
    }

    private double param(LiveParam p, double fallback) {
        double v = vm.param(p);
        return Double.isNaN(v) ? fallback : v;
    }

    private VBox sidePanel(RunViewModel vm) {
        histogramTag.getItems().addAll("ratio/log", "adv", "entropy/token");
        histogramTag.getSelectionModel().selectFirst();
        histogramTag.setMaxWidth(Double.MAX_VALUE);
        VBox side = new VBox(6, histogramTag, histogram, params);
        side.setPadding(new Insets(6));
        side.setPrefWidth(330);
        side.getStyleClass().add("side-panel");
        return side;
    }

    private void onPulse(long now) {
        int applied = vm.onPulse(now);
        if (applied > 0) {
            params.refresh();
        }
        dashboard.renderAll();
        controls.syncPhases();
        HeatmapCanvas h = dashboard.heatmap(histogramTag.getValue());
        if (h != null) {
            histogram.show(h.series(), dashboard.axis().selectedStep());
        }
        if (applied > 0) {
            histogram.invalidate();
        }
        histogram.renderIfDirty();
    }

    public RunViewModel viewModel() {
        return vm;
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    ControlBar controls() {
        return controls;
    }

    public FrameStats frameStats() {
        return stats;
    }

    public HistogramPanel histogramPanel() {
        return histogram;
    }

    /** Charts and the side panel re-read the theme's colours (after a light/dark switch). */
    public void refreshTheme() {
        dashboard.plots().forEach(p -> p.refreshTheme());
        histogram.refreshTheme();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Overlays a stored run or branch on the charts (dashed). */
    public void compareWith(RunData other) {
        dashboard.compareWith(other);
    }

    /** Stops drawing, unsubscribes from the run and releases the charts. The run itself is not stopped. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pulse.stop();
        vm.detach();
        dashboard.dispose();
        setCenter(null);
        setRight(null);
    }
}
