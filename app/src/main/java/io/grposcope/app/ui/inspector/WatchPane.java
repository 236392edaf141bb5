package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.SpikeDetector;
import io.grposcope.core.debug.SpikeMonitor;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Map;

/**
 * Which series the spike detector watches, with window, k and direction each: grad/norm by default; add KL,
 * clip fraction (UP) or an entropy drop (DOWN). Spikes of every watched series become markers.
 */
final class WatchPane extends VBox {

    private final SpikeMonitor monitor;
    private final ComboBox<String> series = new ComboBox<>();
    private final ComboBox<SpikeDetector.Direction> direction = new ComboBox<>();
    private final TextField window = new TextField("50");
    private final TextField k = new TextField("5");
    private final Label status = new Label();

    WatchPane(SpikeMonitor monitor) {
        super(4);
        this.monitor = monitor;
        setId("spike-watch");
        setPadding(new Insets(6, 0, 0, 0));
        series.setId("watch-series");
        series.setEditable(true);
        series.getItems().addAll("grad/norm", "kl/ref", "kl/old_k2", "clip/frac_region", "entropy/token_mean");
        series.setValue("kl/ref");
        direction.setId("watch-direction");
        direction.getItems().setAll(SpikeDetector.Direction.values());
        direction.setValue(SpikeDetector.Direction.UP);
        series.valueProperty().addListener((o, a, b) -> direction.setValue(b != null && b.startsWith("entropy/")
                ? SpikeDetector.Direction.DOWN : SpikeDetector.Direction.UP));
        window.setPrefColumnCount(4);
        k.setPrefColumnCount(3);
        Button watch = new Button("Watch");
        watch.setId("watch-add");
        watch.setOnAction(e -> watch());
        status.setId("watch-status");
        getChildren().addAll(new HBox(6, new Label("Spikes of"), series, direction, new Label("window"), window,
                new Label("k"), k, watch), status);
        showWatched();
    }

    private void watch() {
        try {
            SpikeDetector.Settings s = SpikeDetector.Settings.defaults().withWindow(Integer.parseInt(window.getText()
                    .trim())).withK(Double.parseDouble(k.getText().trim())).withDirection(direction.getValue());
            String name = series.getValue() == null ? "" : series.getValue().trim();
            if (name.isEmpty()) {
                status.setText("name a metric to watch");
                return;
            }
            monitor.watch(name, s);
            showWatched();
        } catch (IllegalArgumentException e) {
            status.setText(e instanceof NumberFormatException ? "window and k must be numbers" : e.getMessage());
        }
    }

    private void showWatched() {
        StringBuilder sb = new StringBuilder("watching: ");
        for (Map.Entry<String, SpikeDetector.Settings> e : monitor.watched().entrySet()) {
            SpikeDetector.Settings s = e.getValue();
            sb.append(e.getKey()).append(" (").append(s.direction().name().toLowerCase()).append(", window ")
                    .append(s.window()).append(", k ").append(s.k()).append(")  ");
        }
        status.setText(sb.toString().trim());
    }
}
