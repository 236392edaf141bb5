package io.grposcope.core.algo.spi;

import ai.djl.ndarray.NDArray;

/**
 * Hook 7: a per-token matrix (B, T) and its mask → one scalar (token-mean, seq-mean-token-mean, ...). The same
 * aggregator is used for the policy loss, the KL term and the entropy bonus, as verl does.
 */
@FunctionalInterface
public interface Aggregator {

    NDArray aggregate(NDArray perToken, NDArray mask);
}
