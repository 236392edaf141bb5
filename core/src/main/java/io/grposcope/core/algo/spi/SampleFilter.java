package io.grposcope.core.algo.spi;

import io.grposcope.core.algo.GroupIndex;

/**
 * Hook 3a: after rollout and rewards, which rows to train on (DAPO dynamic sampling drops all-equal groups).
 * Returns row indices in increasing order; an empty result asks the engine to sample again or skip the step.
 */
@FunctionalInterface
public interface SampleFilter {

    int[] keep(double[] rewards, GroupIndex groups);

    /** Vanilla GRPO keeps every row. */
    static SampleFilter keepAll() {
        return (rewards, groups) -> {
            int[] all = new int[rewards.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        };
    }
}
