package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.CapturedSample;
import io.grposcope.core.debug.FlowCaptures;
import io.grposcope.core.debug.FlowDebugAdapter;
import io.grposcope.core.debug.ReplayResult;
import io.grposcope.core.debug.ReplaySettings;
import io.grposcope.core.debug.SampleAttribution;
import io.grposcope.core.debug.WhatIfComparison;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * What-if replay of the captured batch: change the method, ε, aggregation, Guard, normalisation (flow runs:
 * KL β, Guard on/off and the advantage std instead of the aggregation) or leave the selected sample out, then
 * compare loss, global, per-layer (and per-timestep) gradient norms and the top attributed samples side by side
 * with the original settings. No update is applied to the run.
 */
final class WhatIfView extends VBox {

    private final BatchCapture batch;
    private final InspectorActions actions;
    private final CapturedSample selected;
    private final TextField method = new TextField();
    private final TextField clipLow = new TextField();
    private final TextField clipHigh = new TextField();
    private final ComboBox<String> agg = new ComboBox<>();
    private final ComboBox<String> advNorm = new ComboBox<>();
    private final CheckBox guard = new CheckBox("GRPO-Guard");
    private final TextField klBeta = new TextField();
    private final ComboBox<String> guardFlow = new ComboBox<>();
    private final CheckBox skip = new CheckBox();
    private final GridPane results = new GridPane();
    private final Label status = new Label();

    WhatIfView(BatchCapture batch, CapturedSample selected, InspectorActions actions) {
        super(8);
        this.batch = batch;
        this.actions = actions;
        this.selected = selected;
        setId("whatif-view");
        setPadding(new Insets(10));
        method.setText(batch.methodId());
        clipLow.setText(num(batch.param("clip_low")));
        clipHigh.setText(num(batch.param("clip_high")));
        for (TextField f : new TextField[] {method, clipLow, clipHigh, klBeta}) {
            f.setPrefColumnCount(7);
        }
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        clipLow.setId("whatif-clip-low");
        clipHigh.setId("whatif-clip-high");
        agg.getItems().addAll("", "token-mean", "seq-mean-token-mean", "seq-mean-token-sum", "seq-mean-token-sum-norm");
        advNorm.getItems().addAll("", "std", "none");
        skip.setText(selected == null ? "leave a sample out" : "leave sample " + selected.index() + " out");
        skip.setDisable(selected == null);
        Button run = new Button("Replay");
        run.setId("whatif-run");
        run.setOnAction(e -> replay());
        results.setId("whatif-results");
        results.setHgap(16);
        results.setVgap(3);
        HBox row1 = new HBox(6, label("method"), method, label("ε low"), clipLow, label("ε high"), clipHigh);
        HBox row2;
        if (flow()) {
            klBeta.setText(num(batch.param("kl_beta")));
            klBeta.setId("whatif-kl-beta");
            row1.getChildren().addAll(label("KL β"), klBeta);
            advNorm.getItems().setAll("", FlowDebugAdapter.STD_GLOBAL, FlowDebugAdapter.STD_GROUP);
            guardFlow.getItems().setAll("", "on", "off");
            guardFlow.setId("whatif-guard");
            row2 = new HBox(6, label("adv. std"), advNorm, label("GRPO-Guard"), guardFlow, skip, run);
        } else {
            row2 = new HBox(6, label("aggregation"), agg, label("adv. norm"), advNorm, guard, skip, run);
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(results);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(row1, row2, status, scroll);
    }

    // Row labels keep their text: a narrow window shrinks the fields, not the names.
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private boolean flow() {
        return BatchCapture.KIND_FLOW.equals(batch.kind());
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    ReplaySettings settings() {
        ReplaySettings s = ReplaySettings.original(batch);
        if (!method.getText().isBlank()) {
            s = s.withMethod(method.getText().trim());
        }
        s = param(s, "clip_low", clipLow);
        s = param(s, "clip_high", clipHigh);
        if (agg.getValue() != null && !agg.getValue().isEmpty()) {
            s = s.withOption(ReplaySettings.LOSS_AGG, agg.getValue());
        }
        if (advNorm.getValue() != null && !advNorm.getValue().isEmpty()) {
            s = s.withOption(ReplaySettings.ADV_NORM, advNorm.getValue());
        }
        if (guard.isSelected()) {
            s = s.withOption(ReplaySettings.GUARD, "on");
        }
        if (flow()) {
            s = param(s, "kl_beta", klBeta);
            if (guardFlow.getValue() != null && !guardFlow.getValue().isEmpty()) {
                s = s.withOption(ReplaySettings.GUARD, guardFlow.getValue());
            }
        }
        if (skip.isSelected() && selected != null) {
            s = s.excluding(selected.index());
        }
        return s;
    }

    private static ReplaySettings param(ReplaySettings s, String key, TextField f) {
        String t = f.getText().trim();
        if (t.isEmpty()) {
            return s;
        }
        try {
            return s.withParam(key, Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + t + "'");
        }
    }

    private void replay() {
        ReplaySettings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        status.setText("replaying step " + batch.step() + " (" + s.diff(ReplaySettings.original(batch)) + ")…");
        actions.whatIf(batch, s).whenComplete((c, err) -> Platform.runLater(() -> show(c, err)));
    }

    private void show(WhatIfComparison c, Throwable err) {
        if (err != null) {
            Throwable cause = err.getCause() != null ? err.getCause() : err;
            status.setText("replay failed: " + cause.getMessage());
            return;
        }
        status.setText(c.label() + (c.baselineReproducesStep() ? "" : "   (note: the original replay differs from "
                + "the recorded grad norm " + batch.gradNorm() + (updates() > 1 ? ", the mean of " + updates()
                + " minibatch updates; a replay is one full-batch gradient)" : ")")));
        results.getChildren().clear();
        int r = 0;
        header(r++, "", "original", "what-if");
        row(r++, "loss", c.baseline().loss(), c.alternative().loss());
        row(r++, "grad norm", c.baseline().gradNorm(), c.alternative().gradNorm());
        for (WhatIfComparison.LayerRow l : c.layers()) {
            row(r++, "  " + l.layer(), l.baseline(), l.alternative());
        }
        ReplayResult b = c.baseline();
        ReplayResult a = c.alternative();
        if (b.hasTimesteps() && a.hasTimesteps() && b.timesteps().length == a.timesteps().length) {
            for (int j = 0; j < b.timesteps().length; j++) {
                row(r++, "  t" + b.timesteps()[j] + " grad norm", b.timestepGradNorms()[j], a.timestepGradNorms()[j]);
            }
        }
        header(r++, "top samples", top(c.baselineAttribution()), top(c.alternativeAttribution()));
    }

    private int updates() {
        double n = batch.param(FlowCaptures.MINIBATCHES) * batch.param(FlowCaptures.EPOCHS);
        return Double.isNaN(n) ? 1 : (int) n;
    }

    private static String top(List<SampleAttribution> a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(3, a.size()); i++) {
            sb.append(String.format("#%d %.0f%%  ", a.get(i).index(), 100 * a.get(i).share()));
        }
        return sb.toString().trim();
    }

    private void header(int r, String a, String b, String c) {
        results.addRow(r, new Label(a), new Label(b), new Label(c));
    }

    private void row(int r, String name, double base, double alt) {
        Label v = new Label(String.format("%.6g", alt));
        v.setId("whatif-" + name.trim().replace(' ', '-'));
        results.addRow(r, new Label(name), new Label(String.format("%.6g", base)), v,
                new Label(base == 0 ? "" : String.format("×%.3f", alt / base)));
    }
}
