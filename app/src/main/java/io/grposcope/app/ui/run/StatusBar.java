package io.grposcope.app.ui.run;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Step, steps/s, elapsed, remaining, phase, state, memory, the warm-start progress and the last message. */
final class StatusBar extends HBox {
    final Label step = new Label();
    final ProgressBar warmStart = new ProgressBar(0);

    StatusBar(RunViewModel vm) {
        setSpacing(10);
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        step.setId("stepLabel");
        step.textProperty().bind(vm.stepProperty().asString("step %d"));
        Label rate = new Label();
        rate.textProperty().bind(vm.stepsPerSecondProperty().asString("%.1f steps/s"));
        Label elapsed = new Label();
        elapsed.textProperty().bind(vm.elapsedProperty().concat(" elapsed"));
        Label remaining = new Label();
        remaining.textProperty().bind(vm.remainingProperty().concat(" left"));
        Label phase = new Label();
        phase.setId("phaseLabel");
        phase.textProperty().bind(vm.phaseProperty().concat(" · ").concat(vm.stateProperty().asString()));
        Label memory = new Label();
        memory.textProperty().bind(vm.memoryProperty());
        Label message = new Label();
        message.setId("messageLabel");
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("text-muted");
        warmStart.progressProperty().bind(vm.warmStartProgressProperty());
        warmStart.setPrefWidth(110);
        Label warmLabel = new Label("warm start");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(step, sep(), rate, sep(), elapsed, sep(), remaining, sep(), phase, sep(), warmLabel,
                warmStart, sep(), message, grow, memory);
    }

    private static Separator sep() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }
}
