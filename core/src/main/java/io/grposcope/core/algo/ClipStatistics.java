package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;
import io.grposcope.core.algo.spi.ClipBounds;

/**
 * Clip statistics of one minibatch (methods-spec §7.1, §7.2, §7.4), as plain doubles. Masked means divide by
 * (Σ mask + 1e-8) as verl does. verl pg_clipfrac counts tokens where clipping raised the loss (A = 0 never
 * counts); pg_clipfrac_lower counts dual-clip activations; ppo_kl is the mean of −(clamped log-ratio). TRL's
 * low/high/region fractions look at the ratio and the advantage sign only.
 */
public record ClipStatistics(double verlClipFrac, double verlClipFracLower, double verlPpoKl, double trlLowMean,
                             double trlHighMean, double trlRegionMean, double absGtEps, double oldK2) {

    /**
     * @param tokenLogRatio ℓ − ℓ^old per token (verl clamps it to ±20 for the vanilla loss, not for GSPO),
     *                      used for the KL-to-old statistics
     * @param ratio         the ratio the clip rule saw, (B, T) or (B, 1)
     */
    public static ClipStatistics compute(NDArray tokenLogRatio, NDArray ratio, NDArray advantages, NDArray mask,
                                         ClipBounds b) {
        PpoClip.Parts p = PpoClip.parts(ratio, advantages, b);
        NDArray m = mask;
        double clipFrac = frac(p.clipped().gt(p.unclipped()), m);
        double lower = p.dualBound() == null ? 0.0
                : frac(p.ppo().gt(p.dualBound()).logicalAnd(advantages.lt(0)), m);
        double ppoKl = scalar(MaskedMath.mean(tokenLogRatio.neg(), m));
        NDArray low = ratio.lt(1.0 - b.low()).logicalAnd(advantages.lt(0));
        NDArray high = ratio.gt(1.0 + b.high()).logicalAnd(advantages.gt(0));
        double lowF = frac(low, m);
        double highF = frac(high, m);
        double region = frac(low.logicalOr(high), m);
        double eps = Math.max(b.low(), b.high());
        double absGt = frac(ratio.sub(1.0).abs().gt(eps), m);
        double k2 = scalar(MaskedMath.mean(tokenLogRatio.square().mul(0.5), m));
        return new ClipStatistics(clipFrac, lower, ppoKl, lowF, highF, region, absGt, k2);
    }

    private static double frac(NDArray bool, NDArray mask) {
        NDArray f = MaskedMath.asFloat(bool, mask).broadcast(mask.getShape());
        return scalar(MaskedMath.mean(f, mask));
    }

    private static double scalar(NDArray a) {
        return a.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
    }
}
