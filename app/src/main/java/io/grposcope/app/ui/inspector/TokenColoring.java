package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.CapturedSample;
import io.grposcope.core.debug.ClipState;
import javafx.scene.paint.Color;

/**
 * Colours of a token strip (for flow runs: a strip of trained denoising steps), by the value the person picked:
 * the log-ratio log w (diverging around 0, saturating at ±log 2; for flow runs at the clip bound log(1+ε_high),
 * their ε being ~0.01), the advantage (diverging, saturating at the
 * batch's largest |A|; per step for flow runs), the entropy, a flow step's KL-to-reference term or its gradient
 * contribution (sequential, from 0 to the batch maximum) or the clip state (one colour per state). Non-finite
 * values are drawn magenta.
 */
public enum TokenColoring {
    RATIO("ratio"), ADVANTAGE("advantage"), ENTROPY("entropy"), CLIP("clip state"), KL("KL to reference"),
    CONTRIBUTION("gradient contribution");

    static final Color NON_FINITE = Color.MAGENTA;
    private static final Color NEG = Color.web("#2f6fde");
    private static final Color POS = Color.web("#d1352b");
    private static final Color MID = Color.web("#f4f4f4");
    private static final Color HOT = Color.web("#e8a317");

    private final String label;

    TokenColoring(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The modes that mean something for a token batch or a flow batch. */
    public static java.util.List<TokenColoring> choices(boolean flow) {
        return flow ? java.util.List.of(RATIO, ADVANTAGE, CLIP, KL, CONTRIBUTION)
                : java.util.List.of(RATIO, ADVANTAGE, ENTROPY, CLIP);
    }

    /**
     * The number this mode colours token t of s by (the clip state's ordinal for CLIP). CONTRIBUTION comes from
     * a replay, not from the sample, so it is NaN here (see {@link InspectorModel#valueAt}).
     */
    public double value(CapturedSample s, int t) {
        return switch (this) {
            case RATIO -> Math.log(s.ratio()[t]);
            case ADVANTAGE -> s.hasFlow() ? s.flow().advantages()[t] : s.advantage();
            case ENTROPY -> s.entropy()[t];
            case CLIP -> s.clip()[t];
            case KL -> s.hasFlow() ? s.flow().kl()[t] : Double.NaN;
            case CONTRIBUTION -> Double.NaN;
        };
    }

    /** @param scale the saturation value (|log w| for RATIO, the batch maximum for the others; CLIP ignores it) */
    public Color color(double v, double scale) {
        if (!Double.isFinite(v)) {
            return NON_FINITE;
        }
        return switch (this) {
            case RATIO -> diverging(scale > 0 ? v / scale : 0);
            case ADVANTAGE -> diverging(scale > 0 ? v / scale : 0);
            case ENTROPY, KL, CONTRIBUTION -> MID.interpolate(HOT, scale > 0 ? clamp(v / scale, 0, 1) : 0);
            case CLIP -> clipColor(ClipState.ofCode((int) v));
        };
    }

    static Color diverging(double x) {
        double c = clamp(x, -1, 1);
        return c < 0 ? MID.interpolate(NEG, -c) : MID.interpolate(POS, c);
    }

    static Color clipColor(ClipState s) {
        return switch (s) {
            case NONE -> MID;
            case HIGH -> POS;
            case LOW -> NEG;
            case DUAL -> Color.web("#8250df");
        };
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
