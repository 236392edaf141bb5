package io.grposcope.core.algo.spi;

import ai.djl.ndarray.NDArray;
import io.grposcope.core.algo.GroupIndex;

/** Hook 1: turns raw rewards (B) into the rewards the advantage estimator sees (overlong penalty, win rate, ...). */
@FunctionalInterface
public interface RewardShaper {

    NDArray shape(NDArray rewards, GroupIndex groups);

    /** Vanilla GRPO: rewards pass through unchanged. */
    static RewardShaper identity() {
        return (rewards, groups) -> rewards;
    }
}
