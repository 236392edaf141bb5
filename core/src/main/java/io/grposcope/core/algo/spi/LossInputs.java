package io.grposcope.core.algo.spi;

import ai.djl.ndarray.NDArray;
import io.grposcope.core.algo.GroupIndex;

/**
 * One minibatch as the loss hooks see it. Tensors are (B, T) in one dtype (float32 or float64); padded positions
 * (mask 0) may hold any finite value and every hook must ignore them.
 *
 * @param logProbs    ℓ: current-policy log-probs of the sampled tokens, carrying gradient
 * @param oldLogProbs ℓ^old: behaviour log-probs recorded at rollout (no gradient)
 * @param refLogProbs ℓ^ref: reference-policy log-probs, or null when no reference model is kept
 * @param mask        1 for tokens that count in the loss, 0 for padding
 * @param advantages  A_{i,t}, already broadcast to tokens
 * @param entropy     H_{i,t} token entropies (carrying gradient when an entropy bonus is used), or null
 * @param groups      group of each row (prompt, prompt × agent, ...)
 */
public record LossInputs(NDArray logProbs, NDArray oldLogProbs, NDArray refLogProbs, NDArray mask,
                         NDArray advantages, NDArray entropy, GroupIndex groups) {

    public LossInputs {
        require(logProbs, "logProbs");
        require(oldLogProbs, "oldLogProbs");
        require(mask, "mask");
        require(advantages, "advantages");
        if (!oldLogProbs.getShape().equals(logProbs.getShape()) || !mask.getShape().equals(logProbs.getShape())
                || !advantages.getShape().equals(logProbs.getShape())) {
            throw new IllegalArgumentException("shapes differ: logProbs " + logProbs.getShape() + ", oldLogProbs "
                    + oldLogProbs.getShape() + ", mask " + mask.getShape() + ", advantages "
                    + advantages.getShape());
        }
        if (logProbs.getShape().dimension() != 2) {
            throw new IllegalArgumentException("loss inputs must be (B, T), got " + logProbs.getShape());
        }
    }

    private static void require(NDArray a, String name) {
        if (a == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    public long batchSize() {
        return logProbs.getShape().get(0);
    }
}
