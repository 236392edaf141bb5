package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.CapturedSample;
import io.grposcope.core.debug.ReplayResult;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Per-timestep contributions of a flow step: for each trained denoising step, the gradient norm of that step's
 * loss term on the whole batch (bar, with its share of the sum of the steps' norms) and the selected sample's own
 * term at that step (thin bar under it). Filled in when the attribution replay arrives. FX thread only.
 */
final class TimestepContributions extends VBox {

    static final double WIDTH = 150;

    private final InspectorModel model;

    TimestepContributions(InspectorModel model) {
        super(3);
        this.model = model;
        setId("timestep-contributions");
        model.replayProperty().addListener((o, a, b) -> rebuild());
        model.selectedProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().setAll(new Label("Per-timestep gradient contribution\n(blue: batch, share; orange: selected sample)"));
        ReplayResult r = model.replayProperty().get();
        if (r == null || !r.hasTimesteps()) {
            getChildren().add(new Label(r == null ? "computing…" : "this replay has no per-timestep split"));
            return;
        }
        CapturedSample s = model.selectedProperty().get();
        int row = s == null ? -1 : model.rowOf(s);
        double[] own = row < 0 || r.sampleTimestepNorms() == null ? null : r.sampleTimestepNorms()[row];
        double sum = 0;
        for (double n : r.timestepGradNorms()) {
            sum += finite(n);
        }
        // each series on its own scale: a row alone is not divided by the batch size, so its norms are larger
        double max = max(r.timestepGradNorms());
        double ownMax = own == null ? 0 : max(own);
        for (int j = 0; j < r.timesteps().length; j++) {
            getChildren().add(row(r.timesteps()[j], r.timestepGradNorms()[j], sum, max,
                    own == null ? Double.NaN : own[j], ownMax));
        }
    }

    private static double max(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, finite(v));
        }
        return m;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static HBox row(int k, double norm, double sum, double max, double own, double ownMax) {
        Label name = new Label("t" + k);
        name.setMinWidth(30);
        Region bar = bar(max > 0 ? WIDTH * finite(norm) / max : 0, 10, Double.isFinite(norm) ? "#2f6fde" : "#cf222e");
        Region ownBar = bar(ownMax > 0 && Double.isFinite(own) ? WIDTH * own / ownMax : 0, 4, "#e8a317");
        VBox bars = new VBox(1, bar, ownBar);
        Pane track = new Pane(bars);
        track.setId("timestep-t" + k);
        track.setMinWidth(WIDTH);
        track.setPrefWidth(WIDTH);
        String text = String.format("%.3g (%.0f %%)", norm, sum > 0 ? 100 * finite(norm) / sum : 0);
        String ownText = Double.isNaN(own) ? "" : String.format("selected sample alone: %.4g", own);
        HBox row = new HBox(6, name, track, new Label(text));
        row.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(row, new Tooltip("denoising step " + k + ": gradient norm of its loss term on the batch "
                + text + "\n" + ownText));
        return row;
    }

    private static Region bar(double w, double h, String color) {
        Region r = new Region();
        r.setMinSize(w, h);
        r.setPrefSize(w, h);
        r.setMaxSize(w, h);
        r.setStyle("-fx-background-color: " + color + ";");
        return r;
    }
}
