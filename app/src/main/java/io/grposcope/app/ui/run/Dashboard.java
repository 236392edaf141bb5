package io.grposcope.app.ui.run;

import io.grposcope.app.ui.bridge.RunData;
import io.grposcope.app.ui.chart.EventLog;
import io.grposcope.app.ui.chart.HeatmapCanvas;
import io.grposcope.app.ui.chart.HeatmapSeries;
import io.grposcope.app.ui.chart.LineChartCanvas;
import io.grposcope.app.ui.chart.PlotCanvas;
import io.grposcope.app.ui.chart.XAxisLink;
import io.grposcope.app.ui.flow.FlowPanel;
import io.grposcope.app.ui.glossary.Glossary;
import io.grposcope.core.config.RunConfig;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The grid of plots of one run view, all on one {@link XAxisLink}: scalar charts from {@link ChartSpec},
 * heatmaps of the log-ratio / advantage / entropy histograms and the per-layer gradient norms. A flow run gets
 * only the charts its trainer can fill ({@link ChartSpec#flowDashboard()}) and the {@link FlowPanel}. Tags bind
 * when they first appear in the data. {@link #renderAll()} draws what changed; {@link #dispose()} unhooks all.
 */
public final class Dashboard extends GridPane {
    private static final List<String> RATIO = List.of("log_ratio", "ratio/log", "ratio/log_ratio");
    private static final List<String> ADV = List.of("adv", "adv/hist", "advantage", "adv/token");
    private static final List<String> ENTROPY = List.of("entropy/token", "entropy/hist", "entropy");

    private final RunData data;
    private final XAxisLink axis = new XAxisLink();
    private final Glossary glossary;
    private final List<PlotCanvas> plots = new ArrayList<>();
    private final Map<LineChartCanvas, ChartSpec> specs = new HashMap<>();
    private final Map<LineChartCanvas, List<Boolean>> bound = new HashMap<>();
    private final Map<HeatmapCanvas, List<String>> pendingHeatmaps = new HashMap<>();
    private final List<RunData> compared = new ArrayList<>();
    /** FX-thread time per pulse for drawing charts; the rest of the 16.7 ms frame is left to layout and rendering. */
    private static final long FRAME_BUDGET_NANOS = 6_000_000L;
    private int nextPlot;
    private int knownTags = -1;
    private long lastStep = -1;
    private int knownEvents;
    private double smoothing = 0.6;
    private FlowPanel flowPanel;
    private final PhaseFocus phases;
    private final DoubleSupplier[] guides;
    /** A stored run's ε is not known here (its clip guides would show a token default), a live run's is. */
    private final boolean clipKnown;
    /** True once the layout is the flow one; null while unknown (no config and no flow metric seen yet). */
    private Boolean flow;

    /** A dashboard whose kind of run is read from the data (a flow run switches layout on its first flow metric). */
    public Dashboard(RunData data, Glossary glossary, DoubleSupplier clipLow, DoubleSupplier clipHigh,
                     DoubleSupplier gradClip) {
        this(data, glossary, clipLow, clipHigh, gradClip, null);
    }

    /** {@code config}: the live run's config (task kind, planned GRPO steps), or null for a stored run. */
    public Dashboard(RunData data, Glossary glossary, DoubleSupplier clipLow, DoubleSupplier clipHigh,
                     DoubleSupplier gradClip, RunConfig config) {
        this.data = data;
        this.glossary = glossary;
        this.guides = new DoubleSupplier[] {clipLow, clipHigh, gradClip};
        this.clipKnown = config != null;
        this.phases = new PhaseFocus(data, axis, config == null ? 0 : config.steps());
        this.flow = config != null ? Boolean.valueOf(config.isFlow()) : looksFlow(data) ? Boolean.TRUE : null;
        getStyleClass().add("dashboard");
        setHgap(6);
        setVgap(6);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        if (Boolean.TRUE.equals(flow)) {
            buildFlow(clipHigh, gradClip);
        } else {
            build(clipLow, clipHigh, gradClip);
        }
    }

    /** Flow metrics that only a flow run writes: loss/fm from its first pretraining step, t0/… from GRPO on. */
    static boolean looksFlow(RunData data) {
        return FlowPanel.isFlow(data) || data.scalarTags().contains("loss/fm");
    }

    private void buildFlow(DoubleSupplier clipHigh, DoubleSupplier gradClip) {
        List<PlotCanvas> order = new ArrayList<>();
        for (ChartSpec spec : ChartSpec.flowDashboard()) {
            order.add(line(spec));
        }
        HeatmapCanvas layers = new HeatmapCanvas("grad/layer_norms", data.layerNorms(), axis, data.events());
        tooltip(layers, "grad/layer_norms");
        order.add(order.indexOf(lineChart("reward/hit_rate")) + 1, layers);
        lineChart("grad/norm").addGuide(gradClip);
        // w = 1 is an unbiased ratio; its spread is read against the clip range ε
        lineChart("ratio/mean").addGuide(() -> 1);
        if (clipKnown) {
            lineChart("ratio/std").addGuide(clipHigh);
        }
        for (int i = 0; i < order.size(); i++) {
            place(order.get(i), i % 2, i / 2);
        }
    }

    /** Data-detected flow run (no config): drops the token charts and lays out the flow ones. */
    private void switchToFlow() {
        flow = Boolean.TRUE;
        plots.forEach(PlotCanvas::dispose);
        plots.clear();
        getChildren().clear();
        specs.clear();
        bound.clear();
        pendingHeatmaps.clear();
        flowPanel = null;
        nextPlot = 0;
        buildFlow(guides[1], guides[2]);
    }

    private void build(DoubleSupplier clipLow, DoubleSupplier clipHigh, DoubleSupplier gradClip) {
        List<ChartSpec> lines = ChartSpec.dashboard();
        LineChartCanvas reward = line(lines.get(0));
        LineChartCanvas grad = line(lines.get(1));
        grad.addGuide(gradClip);
        HeatmapCanvas layers = new HeatmapCanvas("grad/layer_norms", data.layerNorms(), axis, data.events());
        tooltip(layers, "grad/layer_norms");
        HeatmapCanvas ratio = heatmap("ratio/log", RATIO);
        ratio.addGuide(() -> Math.log(1 - clipLow.getAsDouble()));
        ratio.addGuide(() -> Math.log(1 + clipHigh.getAsDouble()));
        HeatmapCanvas adv = heatmap("adv", ADV);
        HeatmapCanvas ent = heatmap("entropy/token", ENTROPY);
        place(reward, 0, 0);
        place(grad, 1, 0);
        place(ratio, 0, 1);
        place(layers, 1, 1);
        place(line(lines.get(2)), 0, 2);
        place(adv, 1, 2);
        place(line(lines.get(3)), 0, 3);
        place(ent, 1, 3);
        for (int i = 4; i < lines.size(); i++) {
            place(line(lines.get(i)), (i - 4) % 2, 4 + (i - 4) / 2);
        }
    }

    private LineChartCanvas line(ChartSpec spec) {
        LineChartCanvas c = new LineChartCanvas(spec.key(), axis, data.events(), smoothing);
        c.setLogScale(spec.log());
        specs.put(c, spec);
        bound.put(c, new ArrayList<>(java.util.Collections.nCopies(spec.tags().size(), false)));
        tooltip(c, spec.key());
        contextMenu(c);
        return c;
    }

    private HeatmapCanvas heatmap(String key, List<String> candidates) {
        HeatmapCanvas h = new HeatmapCanvas(key, HeatmapSeries.histogram(key), axis, data.events());
        pendingHeatmaps.put(h, candidates);
        tooltip(h, key);
        return h;
    }

    private void place(PlotCanvas p, int col, int row) {
        plots.add(p);
        add(p, col, row);
        GridPane.setHgrow(p, Priority.ALWAYS);
    }

    private void tooltip(PlotCanvas p, String key) {
        Tooltip t = new Tooltip(glossary.tooltip(key));
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        p.setTitleTooltip(t);
    }

    private void contextMenu(LineChartCanvas c) {
        CheckMenuItem log = new CheckMenuItem("Log scale");
        log.setSelected(c.logScale());
        log.selectedProperty().addListener((o, a, b) -> c.setLogScale(b));
        MenuItem reset = new MenuItem("Show whole run (double-click)");
        reset.setOnAction(e -> axis.reset());
        ContextMenu menu = new ContextMenu(log, reset);
        c.setOnContextMenuRequested(e -> menu.show(c, e.getScreenX(), e.getScreenY()));
    }

    public XAxisLink axis() {
        return axis;
    }

    /** Whether the charts are the flow-run set. */
    public boolean isFlowLayout() {
        return Boolean.TRUE.equals(flow);
    }

    PhaseFocus phases() {
        return phases;
    }

    public List<PlotCanvas> plots() {
        return List.copyOf(plots);
    }

    /** The line chart with this glossary key (title), or null. */
    public LineChartCanvas lineChart(String key) {
        return specs.entrySet().stream().filter(e -> e.getValue().key().equals(key)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** The heatmap of log ratios, for the side panel. */
    public HeatmapCanvas heatmap(String key) {
        return plots.stream().filter(p -> p instanceof HeatmapCanvas h && h.titleText().equals(key))
                .map(p -> (HeatmapCanvas) p).findFirst().orElse(null);
    }

    public void setSmoothing(double w) {
        smoothing = w;
        specs.keySet().forEach(c -> c.setSmoothing(w));
    }

    /**
     * Overlays another run's (or branch's) series on every line chart, dashed: at once on charts already bound,
     * and on the others when their tag first arrives.
     */
    public void compareWith(RunData other) {
        compared.add(other);
        for (Map.Entry<LineChartCanvas, ChartSpec> e : specs.entrySet()) {
            List<List<String>> groups = e.getValue().tags();
            List<Boolean> done = bound.get(e.getKey());
            for (int g = 0; g < groups.size(); g++) {
                String tag = done.get(g) ? groups.get(g).stream().filter(data.scalarTags()::contains).findFirst()
                        .orElse(null) : null;
                if (tag != null && !e.getValue().stacked().contains(tag)) {
                    e.getKey().addTrace(other.series(tag), other.name() + " " + tag, true, false);
                }
            }
        }
        axis.extendData(Math.max(data.lastStep(), maxComparedStep()));
        knownTags = -1;
    }

    /** The runs and branches overlaid on this dashboard, oldest first. */
    public List<RunData> compared() {
        return List.copyOf(compared);
    }

    public void clearComparison() {
        compared.clear();
        specs.keySet().forEach(LineChartCanvas::removeComparisonTraces);
    }

    /** Once per frame: binds newly seen tags, marks charts dirty when steps arrived, and draws. */
    public void renderAll() {
        int tags = data.scalarTags().size() + data.histogramTags().size();
        if (tags != knownTags) {
            knownTags = tags;
            if (flow == null && looksFlow(data)) {
                switchToFlow();
            }
            bindTags();
        }
        phases.update();
        if (data.lastStep() != lastStep) {
            lastStep = data.lastStep();
            axis.extendData(Math.max(lastStep, maxComparedStep()));
            plots.forEach(PlotCanvas::invalidate);
        }
        // debugger events (spikes, breakpoints, rollbacks) arrive after their step was drawn
        if (data.events().size() != knownEvents) {
            knownEvents = data.events().size();
            plots.forEach(PlotCanvas::invalidate);
        }
        renderWithinBudget();
        renderFlowPanel();
    }

    /**
     * Draws dirty plots round-robin until the frame's drawing budget is used (at least one per pulse), so
     * a step that dirties every chart is spread over a few pulses instead of making one long frame.
     */
    private void renderWithinBudget() {
        long deadline = System.nanoTime() + FRAME_BUDGET_NANOS;
        javafx.geometry.Bounds visible = visibleArea();
        int n = plots.size();
        for (int k = 0; k < n; k++) {
            PlotCanvas p = plots.get((nextPlot + k) % n);
            // plots scrolled out of view stay dirty and are drawn when they come back
            if (!p.isDirty() || visible != null && !visible.intersects(p.localToScene(p.getLayoutBounds()))) {
                continue;
            }
            p.renderIfDirty();
            if (System.nanoTime() > deadline) {
                nextPlot = (nextPlot + k + 1) % n;
                return;
            }
        }
    }

    /** The scene area of the enclosing scroll pane (what the person can see), or null when not in one. */
    private javafx.geometry.Bounds visibleArea() {
        for (javafx.scene.Parent a = getParent(); a != null; a = a.getParent()) {
            if (a instanceof javafx.scene.control.ScrollPane sp) {
                return sp.localToScene(sp.getLayoutBounds());
            }
        }
        return null;
    }

    /** Flow runs get the per-timestep heatmaps and sample strip below the charts, once their metrics appear. */
    private void renderFlowPanel() {
        if (flowPanel == null && FlowPanel.isFlow(data)) {
            flowPanel = new FlowPanel(data);
            // the row right below the charts: GridPane puts its vgap between empty rows too
            int below = plots.stream().mapToInt(p -> GridPane.getRowIndex(p) + 1).max().orElse(0);
            add(flowPanel, 0, below, 2, 1);
        }
        if (flowPanel != null) {
            flowPanel.render();
        }
    }

    private double maxComparedStep() {
        return compared.stream().mapToLong(RunData::lastStep).max().orElse(0);
    }

    private void bindTags() {
        for (Map.Entry<LineChartCanvas, ChartSpec> e : specs.entrySet()) {
            List<List<String>> groups = e.getValue().tags();
            List<Boolean> done = bound.get(e.getKey());
            for (int g = 0; g < groups.size(); g++) {
                String tag = groups.get(g).stream().filter(data.scalarTags()::contains).findFirst().orElse(null);
                if (tag != null && !done.get(g)) {
                    boolean stacked = e.getValue().stacked().contains(tag);
                    e.getKey().addTrace(data.series(tag), tag, false, stacked);
                    // stacked areas (clip fractions) are not overlaid: a second dashed stack reads as noise
                    if (!stacked) {
                        compared.forEach(o -> e.getKey().addTrace(o.series(tag), o.name() + " " + tag, true, false));
                    }
                    done.set(g, true);
                }
            }
        }
        pendingHeatmaps.entrySet().removeIf(e -> bindHeatmap(e.getKey(), e.getValue()));
    }

    private boolean bindHeatmap(HeatmapCanvas h, List<String> candidates) {
        for (String c : candidates) {
            if (data.histogramTags().contains(c)) {
                HeatmapCanvas real = new HeatmapCanvas(h.titleText(), data.histogram(c), axis, data.events());
                real.setTitleTooltip(h.titleTooltip());
                real.guidesFrom(h);
                replace(h, real);
                return true;
            }
        }
        return false;
    }

    private void replace(PlotCanvas old, PlotCanvas real) {
        int col = GridPane.getColumnIndex(old);
        int row = GridPane.getRowIndex(old);
        getChildren().remove(old);
        old.dispose();
        plots.set(plots.indexOf(old), real);
        add(real, col, row);
        GridPane.setHgrow(real, Priority.ALWAYS);
    }

    /** Unhooks every plot from the shared axis and drops the data references. */
    public void dispose() {
        plots.forEach(PlotCanvas::dispose);
        plots.clear();
        getChildren().clear();
        flowPanel = null;
        specs.clear();
        compared.clear();
    }
}
