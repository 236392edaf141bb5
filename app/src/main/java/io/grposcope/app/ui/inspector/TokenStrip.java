package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.CapturedSample;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/** One sample's response tokens as coloured chips; hovering a chip shows all of its per-token values. */
final class TokenStrip extends FlowPane {

    private final InspectorModel model;

    TokenStrip(InspectorModel model) {
        super(2, 2);
        this.model = model;
        setId("token-strip");
        setPadding(new Insets(6));
        model.selectedProperty().addListener((o, a, b) -> rebuild());
        model.coloringProperty().addListener((o, a, b) -> rebuild());
        model.replayProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        CapturedSample s = model.selectedProperty().get();
        if (s == null) {
            return;
        }
        TokenColoring mode = model.coloringProperty().get();
        for (int t = 0; t < s.length(); t++) {
            getChildren().add(chip(s, t, mode.color(model.valueAt(s, t), model.scale()), model.tooltip(s, t)));
        }
    }

    private static Label chip(CapturedSample s, int t, Color c, String tooltip) {
        Label l = new Label(visible(s.tokenTextAt(t)));
        l.setId("token-" + t);
        l.getStyleClass().add("token-chip");
        l.setPadding(new Insets(2, 4, 2, 4));
        if (s.hasFlow()) {
            l.setMinWidth(34);
            l.setAlignment(javafx.geometry.Pos.CENTER);
        }
        l.setBackground(new Background(new BackgroundFill(c, new CornerRadii(3), Insets.EMPTY)));
        l.setTextFill(c.getBrightness() < 0.6 ? Color.WHITE : Color.BLACK);
        Tooltip tip = new Tooltip(tooltip);
        tip.setShowDelay(Duration.millis(150));
        l.setTooltip(tip);
        return l;
    }

    // Whitespace tokens would be invisible chips.
    private static String visible(String text) {
        return text.isBlank() ? "␣".repeat(Math.max(1, text.length())) : text.replace("\n", "⏎");
    }
}
