package io.grposcope.app.ui.run;

import io.grposcope.core.control.RunState;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Start / pause / resume / single step / stop / checkpoint, the "GRPO only" axis toggle and the smoothing
 * slider; binds to the model.
 */
final class ControlBar extends HBox {
    final Button start = button("start", "Start or resume (F5)", new FontIcon(MaterialDesignP.PLAY));
    final Button pause = button("pause", "Pause (F6)", new FontIcon(MaterialDesignP.PAUSE));
    final Button step = button("step", "Single step when paused (F7)", new FontIcon(MaterialDesignS.STEP_FORWARD));
    final Button stop = button("stop", "Stop (Shift+F5)", new FontIcon(MaterialDesignS.STOP));
    final Button checkpoint = button("checkpoint", "Checkpoint now (Ctrl+S)", new FontIcon(MaterialDesignC.CONTENT_SAVE));
    final Slider smoothing = new Slider(0, 0.999, 0.6);
    final ToggleButton grpoOnly = new ToggleButton("GRPO only", new FontIcon(MaterialDesignA.ARROW_EXPAND_RIGHT));
    private final PhaseFocus phases;

    ControlBar(RunViewModel vm, Dashboard dashboard) {
        this.phases = dashboard.phases();
        setSpacing(6);
        setPadding(new Insets(6, 8, 6, 8));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("control-bar");
        start.setOnAction(e -> vm.start());
        pause.setOnAction(e -> vm.pause());
        step.setOnAction(e -> vm.stepOnce());
        stop.setOnAction(e -> vm.stop());
        checkpoint.setOnAction(e -> vm.checkpoint());
        smoothing.setId("smoothing");
        smoothing.setPrefWidth(160);
        Label smoothLabel = new Label("Smoothing 0.600");
        smoothing.valueProperty().addListener((o, a, b) -> {
            dashboard.setSmoothing(b.doubleValue());
            smoothLabel.setText(String.format("Smoothing %.3f", b.doubleValue()));
        });
        Label title = new Label(vm.title());
        title.getStyleClass().add("title-4");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label hint = new Label("wheel: zoom · drag: pan · click: pick step · double-click: whole run");
        hint.getStyleClass().add("text-muted");
        grpoOnly.setId("grpoOnly");
        grpoOnly.setTooltip(new Tooltip("Show the GRPO phase only, once it starts after the warm-up or pretraining"));
        // onAction, not a selection listener: syncPhases() sets the state from the axis without acting on it
        grpoOnly.setOnAction(e -> {
            if (grpoOnly.isSelected()) {
                phases.showGrpoOnly();
            } else {
                phases.showWholeRun();
            }
        });
        syncPhases();
        hint.setMinWidth(0);
        getChildren().addAll(title, start, pause, step, stop, checkpoint, grow, grpoOnly, hint, smoothLabel,
                smoothing);
        // when the bar is narrow (runs list open) the mouse hint gives way, not the buttons' labels
        getChildren().stream().filter(n -> n != hint && n instanceof Region).map(n -> (Region) n)
                .forEach(r -> r.setMinWidth(Region.USE_PREF_SIZE));
        vm.stateProperty().addListener((o, a, b) -> updateEnabled(vm, b));
        updateEnabled(vm, vm.stateProperty().get());
    }

    /** Once per frame: the toggle is usable once the GRPO phase began after an earlier phase, and shows the axis. */
    void syncPhases() {
        grpoOnly.setDisable(!phases.hasPhases());
        grpoOnly.setSelected(phases.isGrpoOnly());
        if (phases.hasPhases() && !grpoOnly.getTooltip().getText().contains("steps ")) {
            grpoOnly.getTooltip().setText(("Show the GRPO phase only (steps " + phases.grpoStart()
                    + " on), following new steps; click again or double-click a chart for the whole run"));
        }
    }

    private void updateEnabled(RunViewModel vm, RunState s) {
        boolean live = vm.isLive();
        boolean ended = s == RunState.STOPPED || s == RunState.FINISHED || s == RunState.FAILED;
        start.setDisable(!live || s == RunState.RUNNING || ended);
        pause.setDisable(!live || s != RunState.RUNNING);
        step.setDisable(!live || s != RunState.PAUSED);
        stop.setDisable(!live || ended || s == RunState.NEW);
        checkpoint.setDisable(!live || ended || s == RunState.NEW);
    }

    private static Button button(String id, String tip, FontIcon icon) {
        Button b = new Button(Character.toUpperCase(id.charAt(0)) + id.substring(1), icon);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
