package io.grposcope.app.ui;

import io.grposcope.app.ui.glossary.Glossary;
import io.grposcope.app.ui.inspector.DebugEventList;
import io.grposcope.app.ui.inspector.SpikeDebugger;
import io.grposcope.app.ui.inspector.StoredRunInspector;
import io.grposcope.app.ui.run.LiveRun;
import io.grposcope.app.ui.run.RunLauncher;
import io.grposcope.app.ui.run.RunView;
import io.grposcope.app.ui.run.RunViewModel;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.RunState;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main window: a tool bar (new run, default run, run browser, theme), tabs with one {@link RunView}
 * each, and a welcome tab offering the built-in default run. Closing a tab stops its run and releases its view.
 */
public final class MainWindow extends BorderPane {
    private final RunLauncher launcher;
    private final Glossary glossary;
    private final TabPane tabs = new TabPane();
    private final Map<Tab, RunView> views = new HashMap<>();
    private final Map<RunView, LiveRun> liveRuns = new HashMap<>();
    private final Map<RunView, SpikeDebugger> debuggers = new HashMap<>();
    private final ToggleButton browserToggle = new ToggleButton("Runs");
    private final Consumer<Boolean> themeSwitch;

    public MainWindow(RunLauncher launcher, Glossary glossary, Consumer<Boolean> themeSwitch) {
        this.launcher = launcher;
        this.glossary = glossary;
        this.themeSwitch = themeSwitch;
        getStyleClass().add("main-window");
        setTop(toolBar());
        setCenter(tabs);
        tabs.getTabs().add(welcomeTab());
        // Tabs closed by the user or removed in code both release their view.
        tabs.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::closeView);
            }
        });
    }

    private ToolBar toolBar() {
        Button newRun = new Button("New run…", new FontIcon(MaterialDesignP.PLUS));
        newRun.setId("newRun");
        newRun.setOnAction(e -> openNewRunDialog());
        Button defaultRun = new Button("Default run", new FontIcon(MaterialDesignP.PLAY_CIRCLE));
        defaultRun.setId("defaultRun");
        defaultRun.setTooltip(new Tooltip("Start the built-in default run (RunConfig.defaults())"));
        defaultRun.setOnAction(e -> startDefaultRun());
        browserToggle.setId("runsToggle");
        browserToggle.setOnAction(e -> toggleBrowser());
        ToggleButton dark = new ToggleButton("", new FontIcon(MaterialDesignT.THEME_LIGHT_DARK));
        dark.setTooltip(new Tooltip("Dark theme"));
        dark.selectedProperty().addListener((o, a, b) -> switchTheme(b));
        return new ToolBar(newRun, defaultRun, new Separator(), browserToggle, new Separator(), dark);
    }

    private Tab welcomeTab() {
        Tab t = new Tab("Welcome", new WelcomePane(RunConfig.defaults(), this::startDefaultRun, this::openNewRunDialog));
        t.setClosable(false);
        return t;
    }

    /** Creates and starts a run of {@code RunConfig.defaults()}; returns its view. */
    public RunView startDefaultRun() {
        RunView v = openLive(RunConfig.defaults());
        if (v != null) {
            v.viewModel().start();
        }
        return v;
    }

    /** Creates a run for {@code config} and opens its tab, not started. */
    public RunView openLive(RunConfig config) {
        LiveRun live;
        try {
            live = launcher.create(config);
        } catch (RuntimeException e) {
            showError("Could not create the run", e);
            return null;
        }
        RunViewModel vm = new RunViewModel(config.name() + " #" + live.ids().runId(), live.run());
        RunView view = new RunView(vm, glossary);
        liveRuns.put(view, live);
        attachDebugger(view, live);
        addTab(vm.title(), view);
        return view;
    }

    /**
     * The run's debugger: its events as markers on every chart (click a spike's marker: inspector), and under
     * the charts the debugger's event list beside the breakpoint editor; see app.ui.inspector.
     */
    private void attachDebugger(RunView view, LiveRun live) {
        if (!(live.run() instanceof io.grposcope.core.engine.EngineLoop loop)) {
            return;
        }
        SpikeDebugger dbg = SpikeDebugger.attach(loop, live.store(), live.writer(),
                () -> getScene() == null ? null : getScene().getWindow());
        dbg.markOn(view.viewModel().data().events());
        dbg.setOnRollback(e -> keepOldBranch(view, e));
        dbg.selectStepsOn(view.dashboard().axis());
        javafx.scene.control.TitledPane events = new javafx.scene.control.TitledPane(null, dbg.eventList());
        events.textProperty().bind(dbg.eventList().title());
        events.setId("debug-events-pane");
        javafx.scene.control.TitledPane bp = new javafx.scene.control.TitledPane("Breakpoints", dbg.breakpointPane());
        bp.setExpanded(false);
        javafx.scene.layout.HBox.setHgrow(events, javafx.scene.layout.Priority.ALWAYS);
        bp.setPrefWidth(520);
        bp.setMinWidth(320);
        // side by side and top-aligned: a collapsed pane keeps its header height instead of stretching
        javafx.scene.layout.HBox panes = new javafx.scene.layout.HBox(4, events, bp);
        panes.setFillHeight(false);
        view.setBottom(new javafx.scene.layout.VBox(panes, view.getBottom()));
        debuggers.put(view, dbg);
    }

    /**
     * Opens a stored run read-only, with its debugger events listed under the charts; a spike's marker or list
     * row opens the inspector on the batch the run captured there.
     */
    public RunView openStoredRun(io.grposcope.app.ui.bridge.RunData data, io.grposcope.core.store.RunStore store,
                                 io.grposcope.core.store.RunIds ids) {
        RunView view = openStoredData(data);
        StoredRunInspector inspector = new StoredRunInspector(store, ids,
                () -> getScene() == null ? null : getScene().getWindow());
        data.events().setOnInspect(inspector::open);
        DebugEventList list = new DebugEventList(inspector::open);
        data.events().all().stream().filter(e -> StoredRunInspector.LISTED.contains(e.type())).forEach(list::add);
        list.selectStepsOn(view.dashboard().axis());
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane(null, list);
        pane.textProperty().bind(list.title());
        pane.setId("debug-events-pane");
        view.setBottom(new javafx.scene.layout.VBox(pane, view.getBottom()));
        return view;
    }

    /**
     * A rollback makes the live charts continue from the fork, overwriting the old branch's later steps; a copy
     * of those is overlaid dashed, so both branches stay on the charts (and both stay in the store).
     */
    private static void keepOldBranch(RunView view, io.grposcope.core.metrics.RunEvent rollback) {
        String from = rollback.data().getOrDefault("from_branch", "?");
        view.compareWith(view.viewModel().data().copyFrom(rollback.step(), "branch " + from));
    }

    /** Opens a stored run, loaded by the run browser, read-only. */
    public RunView openStoredData(io.grposcope.app.ui.bridge.RunData data) {
        return openStored(new RunViewModel(data.name(), data));
    }

    /** Opens an already loaded (stored) run read-only. */
    public RunView openStored(RunViewModel vm) {
        RunView view = new RunView(vm, glossary);
        addTab(vm.title(), view);
        return view;
    }

    private void addTab(String title, RunView view) {
        Tab tab = new Tab(title, view);
        views.put(tab, view);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    private void closeView(Tab tab) {
        RunView v = views.remove(tab);
        if (v == null) {
            return;
        }
        v.close();
        SpikeDebugger dbg = debuggers.remove(v);
        if (dbg != null) {
            dbg.close();
        }
        LiveRun live = liveRuns.remove(v);
        if (live != null) {
            Thread t = new Thread(live::close, "close-run-" + live.ids().runId());
            t.setDaemon(true);
            t.start();
        }
    }

    /** The run view in the selected tab, or null. */
    public RunView currentView() {
        return views.get(tabs.getSelectionModel().getSelectedItem());
    }

    public TabPane tabs() {
        return tabs;
    }

    public RunLauncher launcher() {
        return launcher;
    }

    /** Start/resume F5, pause F6, single step F7, stop Shift+F5, checkpoint Ctrl+S (on the selected run). */
    public void installShortcuts(Scene scene) {
        Map<KeyCombination, Consumer<RunViewModel>> keys = Map.of(
                new KeyCodeCombination(KeyCode.F5), RunViewModel::start,
                new KeyCodeCombination(KeyCode.F6), RunViewModel::pause,
                new KeyCodeCombination(KeyCode.F7), RunViewModel::stepOnce,
                new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN), RunViewModel::stop,
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), RunViewModel::checkpoint);
        keys.forEach((k, action) -> scene.getAccelerators().put(k, () -> {
            RunView v = currentView();
            if (v != null && v.viewModel().isLive()) {
                action.accept(v.viewModel());
            }
        }));
    }

    /** Closes every tab, stopping live runs; blocks until they have stopped. */
    public void closeAll() {
        for (Tab t : java.util.List.copyOf(views.keySet())) {
            RunView v = views.remove(t);
            v.close();
            LiveRun live = liveRuns.remove(v);
            if (live != null) {
                live.close();
            }
        }
    }

    public boolean anyRunning() {
        return liveRuns.values().stream().anyMatch(l -> l.run().state() == RunState.RUNNING);
    }

    private void switchTheme(boolean dark) {
        themeSwitch.accept(dark);
        views.values().forEach(RunView::refreshTheme);
    }

    private void toggleBrowser() {
        setLeft(browserToggle.isSelected() ? new io.grposcope.app.ui.browser.RunBrowserView(
                launcher.store(), this) : null);
    }

    private void openNewRunDialog() {
        new io.grposcope.app.ui.newrun.NewRunDialog(getScene() == null ? null : getScene().getWindow())
                .showAndWait().ifPresent(this::openLive);
    }

    static void showError(String what, Throwable e) {
        Alert a = new Alert(Alert.AlertType.ERROR, what + ":\n" + e.getMessage());
        a.setHeaderText(what);
        a.show();
    }
}
