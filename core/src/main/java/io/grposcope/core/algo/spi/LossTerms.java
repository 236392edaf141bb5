package io.grposcope.core.algo.spi;

import ai.djl.ndarray.NDArray;

/**
 * Everything a minibatch loss produced. All arrays live in the manager of the inputs (close it with the step).
 *
 * @param total        policy loss plus regulariser terms: the scalar to back-propagate
 * @param policyLoss   the aggregated clipped surrogate
 * @param regularizer  the regulariser term (already scaled), or null
 * @param perTokenLoss clipped per-token loss before weighting and aggregation, (B, T)
 * @param ratio        the ratio the clip rule saw
 */
public record LossTerms(NDArray total, NDArray policyLoss, NDArray regularizer, NDArray perTokenLoss, Ratio ratio) {
}
