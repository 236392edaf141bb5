package io.grposcope.core.algo.spi;

import ai.djl.ndarray.NDArray;

/**
 * Hook 5: ratio w and advantages A → per-token loss (to be minimised), (B, T). Vanilla GRPO: the PPO clipped
 * surrogate max(−A·w, −A·clip(w, 1−ε_low, 1+ε_high)) with dual clip and optional two-sided δ.
 */
@FunctionalInterface
public interface ClipRule {

    NDArray perTokenLoss(NDArray ratio, NDArray advantages, ClipBounds bounds);
}
