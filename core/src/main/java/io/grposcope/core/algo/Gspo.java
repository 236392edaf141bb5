package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;
import io.grposcope.core.algo.spi.LossInputs;
import io.grposcope.core.algo.spi.Ratio;
import io.grposcope.core.algo.spi.RatioTransform;

/**
 * GSPO sequence ratio (Zheng et al. 2025, arXiv:2507.18071; methods-spec §2.4): s_i = exp(Σ_t m·Δ / |o_i|),
 * and its GSPO-token form log s_{i,t} = sg[log s_i] + ℓ_{i,t} − sg[ℓ_{i,t}] (equal in value to s_i, gradient
 * s_i·∇ℓ_{i,t}), clamped above at 10 as verl does. |o_i| is clamped to ≥ 1 so empty rows stay finite.
 */
public final class Gspo implements RatioTransform {

    /** verl's upper clamp of the GSPO-token log-ratio. */
    public static final double LOG_RATIO_MAX = 10.0;

    @Override
    public Ratio ratio(LossInputs in) {
        return tokenRatio(in.logProbs(), in.oldLogProbs(), in.mask());
    }

    /** Σ_t m·(ℓ − ℓ^old) / max(Σ_t m, 1): the log of s_i, shape (B). Differentiable. */
    public static NDArray sequenceLogRatio(NDArray logProbs, NDArray oldLogProbs, NDArray mask) {
        NDArray len = mask.sum(new int[] {-1}).maximum(1.0);
        return MaskedMath.rowSum(logProbs.sub(oldLogProbs), mask).div(len);
    }

    /** The GSPO-token ratio, (B, T): value s_i on every token, gradient of the sequence objective. */
    public static Ratio tokenRatio(NDArray logProbs, NDArray oldLogProbs, NDArray mask) {
        NDArray seq = sequenceLogRatio(logProbs, oldLogProbs, mask).stopGradient().expandDims(-1);
        NDArray log = logProbs.sub(logProbs.stopGradient()).add(seq).minimum(LOG_RATIO_MAX);
        return new Ratio(log, log.exp());
    }
}
