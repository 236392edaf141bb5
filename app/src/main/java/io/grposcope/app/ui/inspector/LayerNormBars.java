package io.grposcope.app.ui.inspector;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

import java.util.Map;

/**
 * Per-layer gradient norms of the step as horizontal bars, each with a tick at that layer's recent median, so
 * the layers that blew up stand out. Bars share one scale (the largest norm or median).
 */
final class LayerNormBars extends VBox {

    static final double WIDTH = 220;

    LayerNormBars(Map<String, Double> norms, Map<String, Double> medians) {
        super(3);
        setId("layer-bars");
        getChildren().add(new Label("Per-layer gradient norm (tick: recent median)"));
        double max = 0;
        for (Map.Entry<String, Double> e : norms.entrySet()) {
            max = Math.max(max, finite(e.getValue()));
            max = Math.max(max, finite(medians.getOrDefault(e.getKey(), 0.0)));
        }
        for (Map.Entry<String, Double> e : norms.entrySet()) {
            getChildren().add(row(e.getKey(), e.getValue(), medians.get(e.getKey()), max));
        }
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static HBox row(String layer, double norm, Double median, double max) {
        Label name = new Label(layer);
        name.setMinWidth(110);
        name.setPrefWidth(110);
        Region bar = new Region();
        bar.getStyleClass().add("layer-bar");
        double w = max > 0 ? WIDTH * finite(norm) / max : 0;
        bar.setMinSize(w, 12);
        bar.setPrefSize(w, 12);
        bar.setMaxSize(w, 12);
        boolean hot = median != null && median > 0 && norm > 3 * median || !Double.isFinite(norm);
        bar.setStyle("-fx-background-color: " + (hot ? "#d1352b" : "#2f6fde") + ";");
        Pane track = new Pane(bar);
        track.setId("layer-" + layer);
        track.setMinWidth(WIDTH);
        track.setPrefWidth(WIDTH);
        if (median != null && Double.isFinite(median) && max > 0) {
            double x = WIDTH * median / max;
            Line tick = new Line(x, -2, x, 14);
            tick.getStyleClass().add("layer-median");
            track.getChildren().add(tick);
        }
        String text = String.format("%.4g", norm) + (median == null ? "" : String.format("  (×%.2f of median %.4g)",
                norm / median, median));
        HBox row = new HBox(6, name, track, new Label(text));
        row.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(row, new Tooltip(layer + ": " + text));
        return row;
    }
}
