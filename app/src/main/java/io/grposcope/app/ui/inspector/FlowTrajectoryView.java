package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.CapturedSample;
import io.grposcope.core.debug.FlowSteps;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The selected flow sample in the plane (first two dimensions): each trained transition x_k → x_{k+1} as a
 * segment coloured like its chip in the strip, the trajectory's end point, and the end points of its group
 * (grey), so a person sees where the sample went and which steps pushed it. FX thread only.
 */
final class FlowTrajectoryView extends VBox {

    static final double SIZE = 240;

    private final InspectorModel model;
    private final Canvas canvas = new Canvas(SIZE, SIZE);
    private final double[] bounds;

    FlowTrajectoryView(InspectorModel model) {
        super(3);
        this.model = model;
        setId("flow-trajectory");
        bounds = bounds(model);
        getChildren().addAll(new Label("Trajectory (steps coloured as above; grey: group ends)"),
                canvas);
        model.selectedProperty().addListener((o, a, b) -> draw());
        model.coloringProperty().addListener((o, a, b) -> draw());
        model.replayProperty().addListener((o, a, b) -> draw());
        draw();
    }

    // One square view over every sample's states, so switching samples keeps the scale.
    private static double[] bounds(InspectorModel model) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (CapturedSample s : model.batch().samples()) {
            if (!s.hasFlow()) {
                continue;
            }
            for (float[][] pts : new float[][][] {s.flow().x(), s.flow().next()}) {
                for (float[] p : pts) {
                    for (int d = 0; d < Math.min(2, p.length); d++) {
                        if (Float.isFinite(p[d])) {
                            lo = Math.min(lo, p[d]);
                            hi = Math.max(hi, p[d]);
                        }
                    }
                }
            }
        }
        if (!(hi > lo)) {
            return new double[] {-1, 1};
        }
        double pad = 0.05 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    private double px(double v) {
        return (v - bounds[0]) / (bounds[1] - bounds[0]) * SIZE;
    }

    private double py(double v) {
        return SIZE - px(v);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#fbfbfb"));
        g.fillRect(0, 0, SIZE, SIZE);
        g.setStroke(Color.web("#d0d7de"));
        g.strokeRect(0.5, 0.5, SIZE - 1, SIZE - 1);
        if (bounds[0] < 0 && bounds[1] > 0) {
            g.strokeLine(px(0), 0, px(0), SIZE);
            g.strokeLine(0, py(0), SIZE, py(0));
        }
        CapturedSample s = model.selectedProperty().get();
        if (s == null || !s.hasFlow() || s.flow().x().length == 0 || s.flow().x()[0].length < 2) {
            return;
        }
        g.setFill(Color.web("#8c959f"));
        for (CapturedSample m : model.batch().group(s.groupId())) {
            float[] end = m.hasFlow() ? m.flow().finalPoint() : null;
            if (end != null && m != s) {
                g.fillOval(px(end[0]) - 2.5, py(end[1]) - 2.5, 5, 5);
            }
        }
        FlowSteps f = s.flow();
        TokenColoring mode = model.coloringProperty().get();
        g.setLineWidth(2.5);
        for (int j = 0; j < f.steps(); j++) {
            g.setStroke(outline(mode.color(model.valueAt(s, j), model.scale())));
            g.strokeLine(px(f.x()[j][0]), py(f.x()[j][1]), px(f.next()[j][0]), py(f.next()[j][1]));
            g.setFill(Color.web("#57606a"));
            g.fillOval(px(f.x()[j][0]) - 1.5, py(f.x()[j][1]) - 1.5, 3, 3);
        }
        if (f.finalPoint() != null) {
            g.setFill(Color.web("#1a7f37"));
            g.fillOval(px(f.finalPoint()[0]) - 4, py(f.finalPoint()[1]) - 4, 8, 8);
        }
    }

    // The strip's near-white middle colour would vanish on the background.
    private static Color outline(Color c) {
        return c.getBrightness() > 0.9 && c.getSaturation() < 0.1 ? Color.web("#8c959f") : c;
    }
}
