package io.grposcope.core.algo.spi;

import ai.djl.ndarray.NDArray;

/**
 * Hook 9: extra loss terms (KL to the reference, entropy bonus, ...), already multiplied by their coefficient,
 * as a scalar to add to the policy loss. Coefficients come from {@link LossSettings} so they can change live.
 */
@FunctionalInterface
public interface Regularizer {

    /** Returns the scalar term, or null when it contributes nothing this minibatch. */
    NDArray term(LossInputs in, Aggregator aggregator, LossSettings settings);

    static Regularizer none() {
        return (in, agg, s) -> null;
    }

    /** This term plus another (null terms are skipped). */
    default Regularizer plus(Regularizer other) {
        return (in, agg, s) -> {
            NDArray a = term(in, agg, s);
            NDArray b = other.term(in, agg, s);
            if (a == null) {
                return b;
            }
            return b == null ? a : a.add(b);
        };
    }
}
