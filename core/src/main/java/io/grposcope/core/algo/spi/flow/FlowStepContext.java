package io.grposcope.core.algo.spi.flow;

import ai.djl.ndarray.NDArray;

/**
 * One trained denoising step k of a minibatch, as the loss sees it: current and behaviour log-probs (B), the SDE
 * means μ_θ (differentiable) and μ_old (B, D), and the step's scalars σ_t, Δt and τ_k = σ_t·sqrt(Δt).
 * All arrays live in the step's sub-manager.
 */
public record FlowStepContext(int step, NDArray logProb, NDArray oldLogProb, NDArray mean, NDArray oldMean,
                              double sigmaT, double deltaT, double tau) {

    /** Plain log-ratio {@code log p_θ − log p_old} (B). */
    public NDArray rawLogRatio() {
        return logProb.sub(oldLogProb);
    }
}
