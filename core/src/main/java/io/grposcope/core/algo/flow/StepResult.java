package io.grposcope.core.algo.flow;

import ai.djl.ndarray.NDArray;

/**
 * One stochastic denoising step.
 *
 * @param prevSample    x' (the next, less noisy state); detached when it was given
 * @param mean          μ_θ, differentiable w.r.t. the velocity
 * @param stdDevT       the scheme's noise scale (Flow-SDE σ_t, CPS τ, Dance η), shaped to broadcast over x
 * @param transitionStd τ: the std of x' given x, shaped to broadcast over x
 * @param logProb       per-row log-prob of x' (B), the mean over all non-batch dimensions
 */
public record StepResult(NDArray prevSample, NDArray mean, NDArray stdDevT, NDArray transitionStd,
                         NDArray logProb) {
}
