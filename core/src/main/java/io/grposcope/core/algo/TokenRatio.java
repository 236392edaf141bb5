package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;
import io.grposcope.core.algo.spi.LossInputs;
import io.grposcope.core.algo.spi.Ratio;
import io.grposcope.core.algo.spi.RatioTransform;

/**
 * Token importance ratio w_{i,t} = exp(clamp(ℓ − ℓ^old, −20, 20)) (methods-spec §1.3). The clamp is verl's: it
 * keeps exp finite for garbage log-probs; TRL does not clamp, which differs only beyond |Δ| = 20.
 */
public final class TokenRatio implements RatioTransform {

    /** verl's log-ratio clamp. */
    public static final double LOG_RATIO_CLAMP = 20.0;

    @Override
    public Ratio ratio(LossInputs in) {
        return of(in.logProbs(), in.oldLogProbs());
    }

    /** The clamped log-ratio and its exponential; differentiable w.r.t. {@code logProbs}. */
    public static Ratio of(NDArray logProbs, NDArray oldLogProbs) {
        NDArray log = logProbs.sub(oldLogProbs).clip(-LOG_RATIO_CLAMP, LOG_RATIO_CLAMP);
        return new Ratio(log, log.exp());
    }
}
