package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;

/**
 * verl agg_loss with its global-batch arguments (data-parallel runs), for reproducing verl numbers exactly:
 * token-mean divides by the global token count and multiplies by dp_size; the seq-mean modes divide the sum of
 * per-row values by global_batch_size and multiply by dp_size; seq-mean-token-sum-norm divides the token sum
 * by loss_scale_factor only. Null fields fall back to the local values, as in verl.
 */
public record VerlGlobalBatch(int dpSize, Double batchNumTokens, Double globalBatchSize, Double lossScaleFactor) {

    public static VerlGlobalBatch local() {
        return new VerlGlobalBatch(1, null, null, null);
    }

    public NDArray aggregate(NDArray loss, NDArray mask, AggregationMode mode) {
        NDArray total = MaskedMath.sum(loss, mask);
        return switch (mode) {
            case TOKEN_MEAN -> total.div(batchNumTokens == null ? mask.sum() : scalar(mask, batchNumTokens))
                    .mul(dpSize);
            case SEQ_MEAN_TOKEN_SUM -> seqMean(MaskedMath.rowSum(loss, mask), mask);
            case SEQ_MEAN_TOKEN_MEAN -> seqMean(MaskedMath.rowSum(loss, mask)
                    .div(mask.sum(new int[] {-1}).add(1e-8)), mask);
            case SEQ_MEAN_TOKEN_SUM_NORM -> total.div(MaskedMath.num(loss, lossScaleFactor != null ? lossScaleFactor
                    : (double) loss.getShape().get(loss.getShape().dimension() - 1)));
            case TRL_DR_GRPO, TRL_GRPO -> throw new IllegalArgumentException(
                    mode.key() + " is TRL's mode, not verl's agg_loss");
        };
    }

    private NDArray seqMean(NDArray perRow, NDArray mask) {
        NDArray rowValid = MaskedMath.asFloat(mask.sum(new int[] {-1}).gt(0), perRow);
        NDArray sum = perRow.mul(rowValid).sum();
        NDArray denom = globalBatchSize == null ? rowValid.sum() : scalar(mask, globalBatchSize);
        return sum.div(denom).mul(dpSize);
    }

    private static NDArray scalar(NDArray like, double v) {
        return like.getManager().create(v).toType(like.getDataType(), false);
    }
}
