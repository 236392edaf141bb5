package io.grposcope.core.algo.spi;

import ai.djl.ndarray.NDArray;
import io.grposcope.core.algo.GroupIndex;

/** Hook 1: turns raw rewards (B) into the rewards the advantage estimator sees (overlong penalty, win rate, ...). */
@FunctionalInterface
public interface RewardShaper {

    NDArray shape(NDArray rewards, GroupIndex groups);

    /**
     * The same with the rollout's lengths and truncation flags (DAPO's overlong penalty needs them). The token
     * engine calls this one; shapers that only need rewards keep implementing the two-argument form.
     */
    default NDArray shape(NDArray rewards, GroupIndex groups, RolloutContext context) {
        return shape(rewards, groups);
    }

    /** Vanilla GRPO: rewards pass through unchanged. */
    static RewardShaper identity() {
        return (rewards, groups) -> rewards;
    }
}
