package io.grposcope.core.algo.spi;

import ai.djl.ndarray.NDArray;
import io.grposcope.core.algo.GroupIndex;

/**
 * Hook 2: sequence rewards (B) → advantages (B), one per row, in the rewards' dtype. Rewards of shape (B, K)
 * (one per denoising step) are normalised column by column by estimators that support it.
 */
@FunctionalInterface
public interface AdvantageEstimator {

    NDArray estimate(NDArray rewards, GroupIndex groups);
}
