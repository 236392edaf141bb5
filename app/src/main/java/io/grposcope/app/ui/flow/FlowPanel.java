package io.grposcope.app.ui.flow;

import io.grposcope.app.ui.bridge.RunData;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The flow-run part of a run view: per-timestep heatmaps (importance-ratio spread, clip activity, each step's
 * share of the gradient norm) and the strip of fixed-seed samples. {@link #render()} runs once per frame.
 */
public final class FlowPanel extends VBox {
    /** A run is a flow run once its records carry per-timestep metrics. */
    public static final String MARKER_TAG = "t0/ratio/std";

    private final TimestepHeatmap ratioStd;
    private final TimestepHeatmap clip;
    private final TimestepHeatmap gradShare;
    private final SampleStrip samples;

    public FlowPanel(RunData data) {
        setSpacing(4);
        getStyleClass().add("flow-panel");
        ratioStd = new TimestepHeatmap(data, "ratio/std", true);
        clip = new TimestepHeatmap(data, "clip/frac_abs_gt_eps", false);
        gradShare = new TimestepHeatmap(data, "grad/share", false);
        samples = new SampleStrip(data);
        getChildren().addAll(new Label("Per denoising step (k down, training step across)"), ratioStd, clip, gradShare,
                new Label("Fixed-seed samples (ODE), colour = prompt"), samples);
    }

    public static boolean isFlow(RunData data) {
        return data.scalarTags().contains(MARKER_TAG);
    }

    public void render() {
        ratioStd.render();
        clip.render();
        gradShare.render();
        samples.render();
    }

    TimestepHeatmap ratioStd() {
        return ratioStd;
    }

    SampleStrip samples() {
        return samples;
    }
}
