package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;
import io.grposcope.core.algo.spi.Aggregator;

/**
 * Loss aggregation (methods-spec §1.5; verl agg_loss). Each mode reduces a (B, T) per-token matrix L with mask M
 * to a scalar; padded entries are multiplied by 0 so finite garbage there never leaks in. Differentiable.
 * Empty masks give 0, not NaN. The optional {@code constant} is verl's loss_scale_factor / TRL's max_completion_length (≤ 0: padded T).
 */
public final class LossAggregation implements Aggregator {

    private final AggregationMode mode;
    private final double constant;

    public LossAggregation(AggregationMode mode, double constant) {
        this.mode = mode;
        this.constant = constant;
    }

    public LossAggregation(AggregationMode mode) {
        this(mode, 0);
    }

    public AggregationMode mode() {
        return mode;
    }

    @Override
    public NDArray aggregate(NDArray perToken, NDArray mask) {
        return aggregate(perToken, mask, mode, constant);
    }

    public static NDArray aggregate(NDArray loss, NDArray mask, AggregationMode mode, double constant) {
        long t = loss.getShape().get(loss.getShape().dimension() - 1);
        long b = loss.getShape().get(0);
        double c = constant > 0 ? constant : t;
        return switch (mode) {
            case TOKEN_MEAN -> MaskedMath.sum(loss, mask).div(mask.sum().maximum(MaskedMath.num(loss, 1.0)));
            case SEQ_MEAN_TOKEN_SUM -> seqMean(MaskedMath.rowSum(loss, mask), mask);
            case SEQ_MEAN_TOKEN_MEAN -> seqMean(MaskedMath.rowSum(loss, mask)
                    .div(mask.sum(new int[] {-1}).add(1e-8)), mask);
            case SEQ_MEAN_TOKEN_SUM_NORM -> MaskedMath.sum(loss, mask).div(MaskedMath.num(loss, c));
            case TRL_DR_GRPO -> MaskedMath.sum(loss, mask).div(MaskedMath.num(loss, b * c));
            case TRL_GRPO -> MaskedMath.rowSum(loss, mask).div(mask.sum(new int[] {-1}).maximum(1.0)).mean();
        };
    }

    /** Mean of per-row values over rows with at least one valid token (verl drops fully masked rows). */
    private static NDArray seqMean(NDArray perRow, NDArray mask) {
        NDArray rowValid = MaskedMath.asFloat(mask.sum(new int[] {-1}).gt(0), perRow);
        return perRow.mul(rowValid).sum().div(rowValid.sum().maximum(MaskedMath.num(perRow, 1.0)));
    }
}
