package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Locale;

/**
 * Per-token estimators of KL(π_θ || π_ref) at the sampled token (Schulman 2020; methods-spec §1.4), with
 * x = ℓ^ref − ℓ: k1 = −x, abs = |x|, k2 = ½x², k3 = exp(x) − x − 1 with verl's clamps (x to ±20, result to
 * ±10), and the straight-through k1+/k3+ whose value is k1/k3 and whose gradient is k2's: k2 − sg[k2] + sg[k].
 */
public enum KlEstimator {
    K1("k1", "kl"), ABS("abs"), K2("k2", "mse"), K3("k3", "low_var_kl"), K1_PLUS("k1+"), K3_PLUS("k3+");

    private final String[] names;

    KlEstimator(String... names) {
        this.names = names;
    }

    public String key() {
        return names[0];
    }

    /** Accepts verl's and Schulman's names: kl/k1, abs, mse/k2, low_var_kl/k3, k1+, k3+. */
    public static KlEstimator parse(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (KlEstimator e : values()) {
            if (Arrays.asList(e.names).contains(k)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown KL estimator '" + s + "'; valid: kl, k1, abs, mse, k2, "
                + "low_var_kl, k3, k1+, k3+ ('full' is not supported: it needs whole distributions)");
    }

    /** Per-token KL (B, T) in the inputs' dtype; differentiable w.r.t. {@code logProbs}. */
    public NDArray compute(NDArray logProbs, NDArray refLogProbs) {
        return switch (this) {
            case K1 -> logProbs.sub(refLogProbs);
            case ABS -> logProbs.sub(refLogProbs).abs();
            case K2 -> k2(logProbs, refLogProbs);
            case K3 -> k3(logProbs, refLogProbs);
            case K1_PLUS -> straightThrough(K1.compute(logProbs, refLogProbs), k2(logProbs, refLogProbs));
            case K3_PLUS -> straightThrough(k3(logProbs, refLogProbs), k2(logProbs, refLogProbs));
        };
    }

    private static NDArray k2(NDArray logProbs, NDArray refLogProbs) {
        return logProbs.sub(refLogProbs).square().mul(0.5);
    }

    private static NDArray k3(NDArray logProbs, NDArray refLogProbs) {
        NDArray x = refLogProbs.sub(logProbs).clip(-20.0, 20.0);
        return x.exp().sub(x).sub(1.0).clip(-10.0, 10.0);
    }

    /** Value of {@code value}, gradient of {@code gradSource}. */
    private static NDArray straightThrough(NDArray value, NDArray gradSource) {
        return gradSource.sub(gradSource.stopGradient()).add(value.stopGradient());
    }
}
