package io.grposcope.core.debug;

/** Which clip branch was active at a token (sign-aware, methods-spec §1.3): none, upper, lower, or dual clip. */
public enum ClipState {
    NONE, HIGH, LOW, DUAL;

    public static ClipState ofCode(int code) {
        return values()[code];
    }

    /** The clip state a PPO-clip token is in, from its ratio, advantage and bounds (dual clip when c > 1). */
    public static ClipState of(double ratio, double advantage, double clipLow, double clipHigh, double clipC) {
        if (advantage > 0 && ratio > 1 + clipHigh) {
            return HIGH;
        }
        if (advantage < 0 && clipC > 1 && ratio > clipC) {
            return DUAL;
        }
        if (advantage < 0 && ratio < 1 - clipLow) {
            return LOW;
        }
        return NONE;
    }
}
