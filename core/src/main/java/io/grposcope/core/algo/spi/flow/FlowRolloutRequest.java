package io.grposcope.core.algo.spi.flow;

import java.util.Random;

/** What to roll out this step: one prompt per group, G samples per group, the trained steps, and the step's RNG. */
public record FlowRolloutRequest(int[] prompts, int groupSize, int[] trainedSteps, Random rng) {
}
