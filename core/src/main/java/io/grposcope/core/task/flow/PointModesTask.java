package io.grposcope.core.task.flow;

import java.util.Locale;
import java.util.Random;

/**
 * Built-in continuous task for flow policies: prompt c asks for 2-D points from a mixture of {@code modes}
 * Gaussians on a circle (rotated per prompt); GRPO then rewards closeness to one marked mode,
 * {@code r = exp(−|x − T_c|² / (2·width²))}, so a person can see the mass move onto the target in the sample strip.
 */
public final class PointModesTask {
    private final int prompts;
    private final int modes;
    private final double radius;
    private final double modeStd;
    private final double rewardWidth;

    public PointModesTask(int prompts, int modes, double radius, double modeStd, double rewardWidth) {
        if (prompts < 1 || modes < 1) {
            throw new IllegalArgumentException("point-modes task needs ≥1 prompt and ≥1 mode, got " + prompts
                    + " prompts, " + modes + " modes");
        }
        this.prompts = prompts;
        this.modes = modes;
        this.radius = radius;
        this.modeStd = modeStd;
        this.rewardWidth = rewardWidth;
    }

    /** Four prompts, three modes each, radius 1.5, mode std 0.15, reward width 0.5. */
    public static PointModesTask standard() {
        return new PointModesTask(4, 3, 1.5, 0.15, 0.5);
    }

    public int prompts() {
        return prompts;
    }

    public int dim() {
        return 2;
    }

    /** Centre of mode j of prompt c. */
    public double[] modeCentre(int c, int j) {
        double angle = c * Math.PI / (2.0 * prompts) + j * 2 * Math.PI / modes;
        return new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
    }

    /** The rewarded point T_c: mode 0 of prompt c. */
    public double[] target(int c) {
        return modeCentre(c, 0);
    }

    public String prompt(int c) {
        double[] t = target(c);
        return String.format(Locale.ROOT, "prompt %d: %d modes, reward near (%.2f, %.2f)", c, modes, t[0], t[1]);
    }

    /** Data points x_0 for the given prompts (pretraining). */
    public float[][] sample(int[] promptIds, Random rng) {
        float[][] x = new float[promptIds.length][2];
        for (int i = 0; i < promptIds.length; i++) {
            double[] c = modeCentre(promptIds[i], rng.nextInt(modes));
            x[i][0] = (float) (c[0] + modeStd * rng.nextGaussian());
            x[i][1] = (float) (c[1] + modeStd * rng.nextGaussian());
        }
        return x;
    }

    public float reward(float[] x, int c) {
        if (!Float.isFinite(x[0]) || !Float.isFinite(x[1])) {
            return 0f;
        }
        double[] t = target(c);
        double d2 = (x[0] - t[0]) * (x[0] - t[0]) + (x[1] - t[1]) * (x[1] - t[1]);
        return (float) Math.exp(-d2 / (2 * rewardWidth * rewardWidth));
    }

    public float[] rewards(float[][] x, int[] promptIds) {
        float[] r = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = reward(x[i], promptIds[i]);
        }
        return r;
    }

    /** Share of points within two mode std of their target, a plain-count check of the reward. */
    public double hitRate(float[][] x, int[] promptIds) {
        int hits = 0;
        for (int i = 0; i < x.length; i++) {
            double[] t = target(promptIds[i]);
            double d = Math.hypot(x[i][0] - t[0], x[i][1] - t[1]);
            hits += d < 2 * modeStd ? 1 : 0;
        }
        return x.length == 0 ? 0 : (double) hits / x.length;
    }
}
