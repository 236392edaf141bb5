package io.grposcope.core.algo.spi;

import ai.djl.ndarray.NDArray;

/**
 * Hook 6: per-token weights (B, T) multiplied into the per-token loss before aggregation (entropy top-k masks,
 * truncation masks, importance weights). They do not change the token counts the aggregator divides by.
 * Returning null means "all ones" and costs nothing.
 */
@FunctionalInterface
public interface TokenWeighting {

    NDArray weights(LossInputs in);

    /** Vanilla GRPO weighs every token 1. */
    static TokenWeighting none() {
        return in -> null;
    }
}
