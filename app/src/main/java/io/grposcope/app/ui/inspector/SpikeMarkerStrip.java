package io.grposcope.app.ui.inspector;

import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A thin strip of clickable spike markers (SPIKE, NON_FINITE and BREAKPOINT events) over a step range, drawn
 * above the charts; clicking one asks to open the inspector at that step. FX thread only.
 */
public final class SpikeMarkerStrip extends Pane {

    public static final double HEIGHT = 14;

    private final List<RunEvent> events = new ArrayList<>();
    private final Consumer<RunEvent> onOpen;
    private double fromStep = 0;
    private double toStep = 1;

    public SpikeMarkerStrip(Consumer<RunEvent> onOpen) {
        this.onOpen = onOpen;
        setId("spike-markers");
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        widthProperty().addListener((o, a, b) -> layoutMarkers());
    }

    public static boolean marks(RunEvent e) {
        return e.type() == EventType.SPIKE || e.type() == EventType.NON_FINITE || e.type() == EventType.BREAKPOINT;
    }

    public void add(RunEvent e) {
        if (marks(e)) {
            events.add(e);
            toStep = Math.max(toStep, e.step());
            layoutMarkers();
        }
    }

    /** The step range the strip spans (the charts' visible x range). */
    public void setRange(double from, double to) {
        fromStep = from;
        toStep = Math.max(from + 1, to);
        layoutMarkers();
    }

    public List<RunEvent> events() {
        return List.copyOf(events);
    }

    private void layoutMarkers() {
        getChildren().clear();
        double w = Math.max(1, getWidth() - 8);
        for (RunEvent e : events) {
            if (e.step() < fromStep || e.step() > toStep) {
                continue;
            }
            double x = 4 + (e.step() - fromStep) / (toStep - fromStep) * w;
            Polygon p = new Polygon(x - 5, 0, x + 5, 0, x, HEIGHT - 2);
            p.setId("spike-marker-" + e.step());
            p.setFill(e.type() == EventType.NON_FINITE ? Color.web("#cf222e") : Color.web("#e8a317"));
            p.setStroke(Color.web("#57606a"));
            p.setCursor(javafx.scene.Cursor.HAND);
            Tooltip.install(p, new Tooltip("step " + e.step() + ": " + e.message() + "\nclick to inspect"));
            p.setOnMouseClicked(m -> onOpen.accept(e));
            getChildren().add(p);
        }
    }
}
