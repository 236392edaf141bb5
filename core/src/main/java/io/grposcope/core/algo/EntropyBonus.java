package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;
import io.grposcope.core.algo.spi.Aggregator;
import io.grposcope.core.algo.spi.LossInputs;
import io.grposcope.core.algo.spi.LossSettings;
import io.grposcope.core.algo.spi.Regularizer;

/**
 * Entropy bonus (verl entropy_coeff, methods-spec §1.5): −coef · agg(H, mask), so a positive coefficient
 * rewards higher token entropy. Contributes nothing when the coefficient is 0 or no entropies are given.
 */
public final class EntropyBonus implements Regularizer {

    @Override
    public NDArray term(LossInputs in, Aggregator aggregator, LossSettings settings) {
        if (settings.entropyCoef() == 0.0 || in.entropy() == null) {
            return null;
        }
        NDArray agg = aggregator.aggregate(in.entropy(), in.mask());
        return agg.mul(MaskedMath.num(agg, -settings.entropyCoef()));
    }
}
