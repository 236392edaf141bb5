package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.CapturedSample;
import io.grposcope.core.debug.ClipState;
import javafx.scene.paint.Color;

/**
 * Colours of a token strip, by the value the person picked: the log-ratio log w (diverging around 0, saturating
 * at ±log 2), the advantage (diverging, saturating at the batch's largest |A|), the entropy (sequential, from 0
 * to the batch maximum) or the clip state (one colour per state). Non-finite values are drawn magenta.
 */
public enum TokenColoring {
    RATIO("ratio"), ADVANTAGE("advantage"), ENTROPY("entropy"), CLIP("clip state");

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

    /** The number this mode colours token t of s by (the clip state's ordinal for CLIP). */
    public double value(CapturedSample s, int t) {
        return switch (this) {
            case RATIO -> Math.log(s.ratio()[t]);
            case ADVANTAGE -> s.advantage();
            case ENTROPY -> s.entropy()[t];
            case CLIP -> s.clip()[t];
        };
    }

    /** @param scale the batch-wide saturation value for ADVANTAGE and ENTROPY (ignored by the others) */
    public Color color(double v, double scale) {
        if (!Double.isFinite(v)) {
            return NON_FINITE;
        }
        return switch (this) {
            case RATIO -> diverging(v / Math.log(2));
            case ADVANTAGE -> diverging(scale > 0 ? v / scale : 0);
            case ENTROPY -> MID.interpolate(HOT, scale > 0 ? clamp(v / scale, 0, 1) : 0);
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
