package io.grposcope.app.ui.browser;

import io.grposcope.app.ui.MainWindow;
import io.grposcope.app.ui.bridge.RunData;
import io.grposcope.app.ui.run.RunView;
import io.grposcope.app.ui.run.RunViewModel;
import io.grposcope.core.store.BranchInfo;
import io.grposcope.core.store.RunIds;
import io.grposcope.core.store.RunStore;
import io.grposcope.core.store.RunSummary;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * Runs and their branches from the store. Open shows a stored run read-only; Compare overlays the chosen
 * run or branch (dashed) on the charts of the selected tab. Loading runs on a background task with a progress bar.
 */
public final class RunBrowserView extends VBox {
    private final RunStore store;
    private final MainWindow window;
    private final TreeView<Entry> tree = new TreeView<>(new TreeItem<>());
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();

    /** A row of the tree: a run (its root branch) or one of its branches. */
    record Entry(RunIds ids, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    public RunBrowserView(RunStore store, MainWindow window) {
        this.store = store;
        this.window = window;
        setSpacing(6);
        setPadding(new Insets(6));
        setPrefWidth(280);
        getStyleClass().add("run-browser");
        tree.setShowRoot(false);
        VBox.setVgrow(tree, Priority.ALWAYS);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        Button open = new Button("Open");
        open.setId("openRun");
        open.setOnAction(e -> load((data, ids) -> window.openStoredRun(data, store, ids)));
        Button compare = new Button("Compare");
        compare.setId("compareRun");
        compare.setOnAction(e -> load((data, ids) -> compare(data)));
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        status.setWrapText(true);
        getChildren().addAll(new Label("Runs and branches"), tree, new HBox(6, refresh, open, compare), progress, status);
        refresh();
    }

    public void refresh() {
        TreeItem<Entry> root = tree.getRoot();
        root.getChildren().clear();
        for (RunSummary r : store.runs()) {
            TreeItem<Entry> run = new TreeItem<>(new Entry(new RunIds(r.id(), r.rootBranchId()), String.format(
                    "#%d %s · %s · %d steps · reward %.3f · %s", r.id(), r.name(), r.method(), r.lastStep(),
                    r.lastReward(), r.status())));
            for (BranchInfo b : store.branches(r.id())) {
                if (!b.isRoot()) {
                    run.getChildren().add(new TreeItem<>(new Entry(new RunIds(r.id(), b.id()),
                            "branch " + b.id() + " from step " + b.forkStep() + " " + b.label())));
                }
            }
            run.setExpanded(true);
            root.getChildren().add(run);
        }
    }

    private void compare(RunData data) {
        RunView v = window.currentView();
        if (v == null) {
            status.setText("Open a run first, then compare another with it.");
            return;
        }
        v.compareWith(data);
        status.setText("Overlaying " + data.name() + " (dashed).");
    }

    private void load(java.util.function.BiConsumer<RunData, RunIds> then) {
        TreeItem<Entry> sel = tree.getSelectionModel().getSelectedItem();
        if (sel == null || sel.getValue() == null) {
            status.setText("Select a run or branch.");
            return;
        }
        Entry e = sel.getValue();
        String name = "run " + e.ids().runId() + (sel.getParent() == tree.getRoot() ? "" : " b" + e.ids().branchId());
        Task<RunData> task = new Task<>() {
            @Override
            protected RunData call() {
                return StoredRunLoader.load(store, e.ids(), name, p -> updateProgress(p, 1));
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        progress.setVisible(true);
        task.setOnSucceeded(ev -> {
            progress.setVisible(false);
            then.accept(task.getValue(), e.ids());
        });
        task.setOnFailed(ev -> {
            progress.setVisible(false);
            status.setText("Could not load " + name + ": " + task.getException().getMessage());
        });
        Thread t = new Thread(task, "load-" + name);
        t.setDaemon(true);
        t.start();
    }
}
