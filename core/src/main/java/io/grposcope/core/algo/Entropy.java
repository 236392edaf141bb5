package io.grposcope.core.algo;

import ai.djl.ndarray.NDArray;

/**
 * Token entropy and label log-probs from logits (methods-spec §1.6), over the last axis V:
 * H = −Σ_v softmax(z)_v · logSoftmax(z)_v (nats; equal to logsumexp(z) − Σ softmax(z)·z but never negative
 * through cancellation), and log π(label) = logSoftmax(z)[label]. Differentiable, in the logits' dtype.
 */
public final class Entropy {

    private Entropy() {
    }

    /** Entropy per position: logits (..., V) → (...). */
    public static NDArray fromLogits(NDArray logits) {
        NDArray logp = logits.logSoftmax(-1);
        return logp.exp().mul(logp).sum(new int[] {-1}).neg();
    }

    /** Log-prob of each label: logits (..., V), labels (...) integer → (...). */
    public static NDArray logProbsOfLabels(NDArray logits, NDArray labels) {
        NDArray logp = logits.logSoftmax(-1);
        NDArray idx = labels.toType(ai.djl.ndarray.types.DataType.INT64, false).expandDims(-1);
        return logp.gather(idx, -1).squeeze(-1);
    }
}
