package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.CapturedSample;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The spike inspector: samples of the captured step ranked by gradient attribution; the selected sample's
 * tokens coloured by ratio / advantage / entropy / clip state (values on hover) — for flow runs its trained
 * denoising steps, with per-timestep gradient contributions and its trajectory; its group; per-layer norms
 * against their recent median; and the what-if and roll-back actions.
 */
public final class SpikeInspectorView extends BorderPane {

    private final InspectorModel model;
    private final InspectorActions actions;

    public SpikeInspectorView(InspectorModel model, InspectorActions actions) {
        this.model = model;
        this.actions = actions;
        setId("spike-inspector");
        setPadding(new Insets(8));
        setTop(header());
        setCenter(body());
        setBottom(buttons());
        if (actions.canReplay()) {
            requestAttribution();
        } else {
            model.attributionFailed(new IllegalStateException(ReadOnlyInspectorActions.WHY));
        }
    }

    public InspectorModel model() {
        return model;
    }

    private void requestAttribution() {
        actions.attribution(model.batch()).whenComplete((a, err) -> Platform.runLater(() -> {
            if (err == null) {
                model.applyAttribution(a.ranked());
                model.applyReplay(a.replay());
            } else {
                model.attributionFailed(err);
            }
        }));
    }

    private VBox header() {
        BatchCapture b = model.batch();
        Label title = new Label(model.isFlow()
                ? String.format("Step %d — grad norm %.4g%s, loss %.4g, %d samples × %d denoising steps, method %s",
                b.step(), b.gradNorm(), updates(b), b.loss(), b.samples().size(),
                b.samples().isEmpty() ? 0 : b.samples().get(0).length(), b.methodId())
                : String.format("Step %d — grad norm %.4g, loss %.4g, %d samples, method %s",
                b.step(), b.gradNorm(), b.loss(), b.samples().size(), b.methodId()));
        title.getStyleClass().add("title-4");
        Label status = new Label();
        status.setId("inspector-status");
        status.textProperty().bind(model.statusProperty());
        return new VBox(4, title, status);
    }

    // A flow step's grad/norm is the mean over its minibatch updates; a replay gives one full-batch gradient.
    private static String updates(BatchCapture b) {
        double n = b.param(io.grposcope.core.debug.FlowCaptures.MINIBATCHES)
                * b.param(io.grposcope.core.debug.FlowCaptures.EPOCHS);
        return n > 1 ? String.format(" (mean of %d updates)", (int) n) : "";
    }

    private SplitPane body() {
        ComboBox<TokenColoring> coloring = new ComboBox<>();
        coloring.setId("coloring");
        coloring.getItems().setAll(TokenColoring.choices(model.isFlow()));
        coloring.valueProperty().bindBidirectional(model.coloringProperty());
        Label tokensTitle = new Label();
        tokensTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> describe(model.selectedProperty().get()), model.selectedProperty()));
        VBox right = new VBox(8, new HBox(8, tokensTitle, new Label("colour by"), coloring), new TokenStrip(model));
        if (model.isFlow()) {
            right.getChildren().add(new HBox(16, new TimestepContributions(model), new FlowTrajectoryView(model)));
        }
        right.getChildren().addAll(new GroupView(model),
                new LayerNormBars(model.batch().layerGradNorms(), model.layerMedians()));
        right.setPadding(new Insets(0, 0, 0, 8));
        SplitPane split = new SplitPane(new SampleRankTable(model), new ScrollPane(right));
        split.setDividerPositions(0.45);
        return split;
    }

    private static String describe(CapturedSample s) {
        return s == null ? "no sample" : "Sample " + s.index() + " (group " + s.groupId() + ", reward "
                + SampleRankTable.fmt(s.reward()) + ", " + s.length() + (s.hasFlow() ? " trained steps)" : " tokens)");
    }

    private HBox buttons() {
        Button whatIf = new Button("What-if replay…");
        whatIf.setId("whatif-btn");
        whatIf.setOnAction(e -> openWindow("What-if — step " + model.batch().step(),
                new WhatIfView(model.batch(), model.selectedProperty().get(), actions), 800, 560));
        Button rollback = new Button("Roll back and branch…");
        rollback.setId("rollback-btn");
        rollback.setOnAction(e -> openWindow("Roll back — spike at step " + model.batch().step(),
                new RollbackView(model.batch().step(), actions), 720, 360));
        if (!actions.canReplay()) {
            for (Button b : new Button[] {whatIf, rollback}) {
                b.setDisable(true);
            }
        }
        HBox box = new HBox(8, whatIf, rollback);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private void openWindow(String title, Parent content, double width, double height) {
        Stage s = new Stage();
        s.setTitle(title);
        if (getScene() != null) {
            s.initOwner(getScene().getWindow());
            s.setScene(new Scene(content, width, height));
            s.getScene().getStylesheets().setAll(getScene().getStylesheets());
        } else {
            s.setScene(new Scene(content, width, height));
        }
        s.show();
    }
}
