package io.grposcope.app.ui.run;

import io.grposcope.core.control.LiveParam;

/** What a person may type for each live hyperparameter; the message says what and the allowed range. */
public final class LiveParamRules {
    private LiveParamRules() {
    }

    /** Null when {@code text} is acceptable for {@code p}, else the reason. */
    public static String check(LiveParam p, String text) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return p.key() + ": '" + text + "' is not a number";
        }
        if (!Double.isFinite(v)) {
            return p.key() + ": must be finite";
        }
        return switch (p) {
            case LR -> v > 0 && v <= 1 ? null : "lr must be in (0, 1], got " + v;
            case CLIP_LOW, CLIP_HIGH -> v > 0 && v < 1 ? null : p.key() + " (ε) must be in (0, 1), got " + v;
            case KL_BETA -> v >= 0 && v <= 10 ? null : "kl_beta must be in [0, 10], got " + v;
            case TEMPERATURE -> v > 0 && v <= 5 ? null : "temperature must be in (0, 5], got " + v;
            case ENTROPY_COEF -> v >= 0 && v <= 1 ? null : "entropy_coef must be in [0, 1], got " + v;
            case GROUP_SIZE -> v >= 2 && v <= 256 && v == Math.rint(v) ? null
                    : "group_size must be a whole number in [2, 256], got " + text.strip();
        };
    }
}
