package io.grposcope.app.ui.inspector;

import io.grposcope.core.control.LiveParam;
import io.grposcope.core.debug.CheckpointInfo;
import io.grposcope.core.debug.RollbackRequest;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Roll back and branch from the inspector: pick a checkpoint at or before the spike, optionally change the
 * learning rate and skip the spike's batch, then continue as a new branch (the old one stays in the history).
 */
final class RollbackView extends VBox {

    private final long spikeStep;
    private final InspectorActions actions;
    private final ComboBox<CheckpointInfo> checkpoint = new ComboBox<>();
    private final TextField lr = new TextField();
    private final CheckBox skip = new CheckBox();
    private final CheckBox resume = new CheckBox("resume after");
    private final Label status = new Label();

    RollbackView(long spikeStep, InspectorActions actions) {
        super(8);
        this.spikeStep = spikeStep;
        this.actions = actions;
        setId("rollback-view");
        setPadding(new Insets(10));
        checkpoint.setId("rollback-checkpoint");
        checkpoint.getItems().setAll(actions.checkpoints().stream().filter(c -> c.step() < spikeStep).toList());
        checkpoint.setConverter(new javafx.util.StringConverter<>() {
            public String toString(CheckpointInfo c) {
                return c == null ? "" : "step " + c.step() + " (branch " + c.branchId() + ")";
            }

            public CheckpointInfo fromString(String s) {
                return null;
            }
        });
        if (!checkpoint.getItems().isEmpty()) {
            checkpoint.getSelectionModel().selectLast();
        }
        lr.setPromptText("unchanged");
        lr.setId("rollback-lr");
        skip.setText("skip the batch of step " + spikeStep);
        skip.setSelected(true);
        resume.setSelected(true);
        Button go = new Button("Roll back and branch");
        go.setId("rollback-go");
        go.setOnAction(e -> go());
        status.setId("rollback-status");
        if (checkpoint.getItems().isEmpty()) {
            status.setText("no checkpoint before step " + spikeStep + " (set a checkpoint interval)");
            go.setDisable(true);
        }
        getChildren().addAll(new HBox(6, new Label("restore"), checkpoint),
                new HBox(6, new Label("learning rate"), lr), skip, resume, go, status);
    }

    RollbackRequest request() {
        CheckpointInfo c = checkpoint.getValue();
        RollbackRequest r = RollbackRequest.to(c.step());
        if (!lr.getText().isBlank()) {
            try {
                r = r.withParam(LiveParam.LR, Double.parseDouble(lr.getText().trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("learning rate must be a number, got '" + lr.getText() + "'");
            }
        }
        if (skip.isSelected()) {
            r = r.skippingBatchAt(spikeStep);
        }
        return resume.isSelected() ? r.resuming() : r;
    }

    private void go() {
        RollbackRequest r;
        try {
            r = request();
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        status.setText("rolling back to step " + r.toStep() + "…");
        actions.rollback(r).whenComplete((rb, err) -> Platform.runLater(() -> status.setText(err == null
                ? "restored step " + rb.restored().step() + "; now on branch " + rb.newBranch()
                : "rollback failed: " + (err.getCause() != null ? err.getCause() : err).getMessage())));
    }
}
