package io.grposcope.plugins.guard;

import ai.djl.ndarray.NDArray;
import io.grposcope.core.algo.spi.flow.FlowRatioTransform;
import io.grposcope.core.algo.spi.flow.FlowStepContext;

/**
 * GRPO-Guard's RatioNorm (Wang et al. 2025, methods-spec §3.3): {@code log ŵ = (log p_θ − log p_old + b_k)·τ_k} with
 * {@code b_k = mean_dims((μ_θ − μ_old)²)/(2τ_k²)}, which equals {@code mean_dims(ξ ⊙ (μ_θ − μ_old))}: the −d²/(2τ²)
 * left shift is removed and the 1/τ scale that blows up at low-noise steps is taken out.
 */
public final class RatioNorm implements FlowRatioTransform {

    @Override
    public NDArray logRatio(FlowStepContext ctx) {
        double tau = ctx.tau();
        NDArray d = ctx.mean().sub(ctx.oldMean());
        NDArray sq = d.square();
        NDArray bias = sq.reshape(sq.getShape().get(0), -1).mean(new int[] {1}).div(2 * tau * tau);
        return ctx.rawLogRatio().add(bias).mul(tau);
    }
}
