package io.grposcope.core.algo.spi.flow;

import java.util.Random;

/**
 * A read-only view of the current flow policy for rollout strategies: ODE and SDE steps on plain arrays
 * (no gradients), initial noise and the task's reward. Rows of {@code x} pair with {@code prompts}.
 */
public interface FlowSampler {

    FlowSchedule schedule();

    int dim();

    float[][] initialNoise(int rows, Random rng);

    /** Deterministic Euler step k: {@code x' = x + v·dt}. */
    float[][] odeStep(float[][] x, int[] prompts, int step);

    /** Flow-SDE step k with fresh noise, returning x', μ and log p(x'|x). */
    SdeDraw sdeStep(float[][] x, int[] prompts, int step, Random rng);

    /** Reward of final samples (computed by the task's own code). */
    float[] reward(float[][] x, int[] prompts);
}
