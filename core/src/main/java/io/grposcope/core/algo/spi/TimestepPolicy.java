package io.grposcope.core.algo.spi;

/**
 * Hook 8 (flow models): which denoising steps are trained this iteration and how much each step's loss weighs
 * (Flow-GRPO fraction, MixGRPO window, GRPO-Guard 1/Δt, TempFlow τ_k / mean τ).
 */
@FunctionalInterface
public interface TimestepPolicy {

    TimestepPlan plan(TimestepContext ctx);

    /** Flow-GRPO: the first ⌊N · fraction⌋ steps, each with weight 1. */
    static TimestepPolicy firstFraction() {
        return ctx -> {
            int n = (int) Math.floor(ctx.numSteps() * ctx.timestepFraction() + 1e-9);
            n = Math.max(1, Math.min(n, ctx.numSteps()));
            int[] steps = new int[n];
            double[] weights = new double[n];
            for (int k = 0; k < n; k++) {
                steps[k] = k;
                weights[k] = 1.0;
            }
            return new TimestepPlan(steps, weights);
        };
    }

    /**
     * What a timestep policy may look at.
     *
     * @param sigmas           the decreasing σ grid, length N + 1 (last entry 0)
     * @param noiseLevel       SDE noise level a
     * @param timestepFraction configured trained fraction of steps
     * @param iteration        optimiser iteration (for schedules that move over training)
     * @param seed             seed for policies that draw steps at random
     */
    record TimestepContext(double[] sigmas, double noiseLevel, double timestepFraction, long iteration, long seed) {
        public int numSteps() {
            return sigmas.length - 1;
        }
    }

    /** Trained step indices (into the σ grid) and one loss weight per trained step. */
    record TimestepPlan(int[] steps, double[] weights) {
        public TimestepPlan {
            if (steps.length != weights.length) {
                throw new IllegalArgumentException(
                        "steps and weights differ in length: " + steps.length + " vs " + weights.length);
            }
        }
    }
}
