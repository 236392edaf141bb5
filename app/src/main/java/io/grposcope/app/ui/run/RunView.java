package io.grposcope.app.ui.run;

import io.grposcope.app.ui.bridge.RunData;
import io.grposcope.app.ui.chart.HeatmapCanvas;
import io.grposcope.app.ui.chart.HeatmapSeries;
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

import java.util.Comparator;
import java.util.List;

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
    private int flowHistograms = -1;

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
        histogramTag.setId("histogramTag");
        histogramTag.getItems().addAll("ratio/log", "adv", "entropy/token");
        histogramTag.getSelectionModel().selectFirst();
        histogramTag.setMaxWidth(Double.MAX_VALUE);
        VBox side = new VBox(6, histogramTag, histogram, params);
        side.setPadding(new Insets(6));
        side.setPrefWidth(330);
        side.getStyleClass().add("side-panel");
        return side;
    }

    void onPulse(long now) {
        int applied = vm.onPulse(now);
        if (applied > 0) {
            params.refresh();
        }
        dashboard.renderAll();
        controls.syncPhases();
        if (dashboard.isFlowLayout()) {
            listFlowHistograms();
        }
        HeatmapSeries h = histogramSeries(histogramTag.getValue());
        if (h != null) {
            histogram.show(h, dashboard.axis().selectedStep());
        }
        if (applied > 0) {
            histogram.invalidate();
        }
        histogram.renderIfDirty();
    }

    /** A dashboard heatmap's series, or (flow runs) a per-step histogram such as t3/log_ratio; null if neither. */
    private HeatmapSeries histogramSeries(String key) {
        HeatmapCanvas h = key == null ? null : dashboard.heatmap(key);
        if (h != null) {
            return h.series();
        }
        return key != null && vm.data().histogramTags().contains(key) ? vm.data().histogram(key) : null;
    }

    /** Flow runs have no run-level log-ratio histogram: the side panel offers each denoising step's instead. */
    private void listFlowHistograms() {
        if (vm.data().histogramTags().size() == flowHistograms) {
            return;
        }
        flowHistograms = vm.data().histogramTags().size();
        List<String> tags = vm.data().histogramTags().stream().filter(t -> t.matches("t\\d+/log_ratio"))
                .sorted(Comparator.comparingInt(t -> Integer.parseInt(t.substring(1, t.indexOf('/'))))).toList();
        if (tags.isEmpty() || tags.equals(histogramTag.getItems())) {
            return;
        }
        String selected = tags.contains(histogramTag.getValue()) ? histogramTag.getValue() : tags.get(tags.size() - 1);
        histogramTag.getItems().setAll(tags);
        histogramTag.setValue(selected);
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
