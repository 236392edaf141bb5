package io.grposcope.app.ui.chart;

/** The viridis colour map (perceptually uniform, readable on light and dark) as 256 packed ARGB ints. */
final class Viridis {
    private static final double[][] ANCHORS = {
        {0.267, 0.005, 0.329}, {0.283, 0.141, 0.458}, {0.254, 0.265, 0.530}, {0.207, 0.372, 0.553},
        {0.164, 0.471, 0.558}, {0.128, 0.567, 0.551}, {0.135, 0.659, 0.518}, {0.267, 0.749, 0.441},
        {0.478, 0.821, 0.318}, {0.741, 0.873, 0.150}, {0.993, 0.906, 0.144}};
    static final int[] ARGB = build();

    private Viridis() {
    }

    private static int[] build() {
        int[] out = new int[256];
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0 * (ANCHORS.length - 1);
            int k = Math.min(ANCHORS.length - 2, (int) t);
            double f = t - k;
            int r = (int) Math.round(255 * (ANCHORS[k][0] * (1 - f) + ANCHORS[k + 1][0] * f));
            int g = (int) Math.round(255 * (ANCHORS[k][1] * (1 - f) + ANCHORS[k + 1][1] * f));
            int b = (int) Math.round(255 * (ANCHORS[k][2] * (1 - f) + ANCHORS[k + 1][2] * f));
            out[i] = 0xff000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    /** Colour for t in [0, 1]. */
    static int at(double t) {
        return ARGB[(int) Math.max(0, Math.min(255, Math.round(t * 255)))];
    }
}
