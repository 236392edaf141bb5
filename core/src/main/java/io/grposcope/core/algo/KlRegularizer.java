package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;
import io.grposcope.core.algo.spi.Aggregator;
import io.grposcope.core.algo.spi.LossInputs;
import io.grposcope.core.algo.spi.LossSettings;
import io.grposcope.core.algo.spi.Regularizer;

/**
 * KL-in-loss regulariser of GRPO (methods-spec §1.4, verl use_kl_loss): β · agg(kl(ℓ, ℓ^ref), mask), aggregated
 * with the method's aggregator as verl does. Contributes nothing when β = 0 or no reference log-probs are given.
 */
public final class KlRegularizer implements Regularizer {

    private final KlEstimator estimator;

    public KlRegularizer(KlEstimator estimator) {
        this.estimator = estimator;
    }

    public KlEstimator estimator() {
        return estimator;
    }

    @Override
    public NDArray term(LossInputs in, Aggregator aggregator, LossSettings settings) {
        if (settings.klBeta() == 0.0 || in.refLogProbs() == null) {
            return null;
        }
        NDArray kl = estimator.compute(in.logProbs(), in.refLogProbs());
        NDArray agg = aggregator.aggregate(kl, in.mask());
        return agg.mul(MaskedMath.num(agg, settings.klBeta()));
    }
}
