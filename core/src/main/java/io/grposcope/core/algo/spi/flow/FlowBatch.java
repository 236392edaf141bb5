package io.grposcope.core.algo.spi.flow;

import java.util.List;

/**
 * What a flow rollout strategy returns: the trained transitions per step, plus the final samples of the
 * rollout (for reward curves and the sample strip): {@code finals} (n × D), their prompts and rewards.
 */
public record FlowBatch(List<StepSlice> slices, float[][] finals, int[] finalPrompts, float[] finalRewards) {

    public FlowBatch {
        slices = List.copyOf(slices);
        if (finals.length != finalPrompts.length || finals.length != finalRewards.length) {
            throw new IllegalArgumentException("flow batch: finals, prompts and rewards differ in length");
        }
    }
}
