package io.grposcope.core.policy.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.grposcope.core.algo.flow.FlowSteps;
import io.grposcope.core.algo.flow.StepResult;
import io.grposcope.core.algo.spi.flow.FlowSchedule;

/**
 * Flow-SDE step k of a {@link FlowSchedule} on a batch (Flow-GRPO, methods-spec §3.1), delegating the formulas
 * ({@code μ = x(1 + σ_t²dt/(2σ)) + v(1 + σ_t²(1−σ)/(2σ))dt}, {@code log p = mean_dims[−(x'−μ)²/(2τ²) − log τ −
 * ½log 2π]}) to {@link FlowSteps}; this class only turns the schedule's step into per-row σ arrays.
 */
public final class FlowSdeMath {

    private FlowSdeMath() {
    }

    /** Scores a stored transition x → next: μ_θ (differentiable through v) and log p per row. */
    public static StepResult score(NDArray x, NDArray v, NDArray next, FlowSchedule s, int k) {
        return FlowSteps.flowSde(x, v, sigma(x, s.sigma(k)), sigma(x, s.sigma(k + 1)), s.noiseLevel(), s.sigma(1),
                next, null);
    }

    /** Samples x' = μ + τ·ξ with the given standard-normal noise ξ (shaped like x). */
    public static StepResult sample(NDArray x, NDArray v, NDArray noise, FlowSchedule s, int k) {
        return FlowSteps.flowSde(x, v, sigma(x, s.sigma(k)), sigma(x, s.sigma(k + 1)), s.noiseLevel(), s.sigma(1),
                null, noise);
    }

    /** SDE mean μ at step k. */
    public static NDArray mean(NDArray x, NDArray v, FlowSchedule s, int k) {
        return score(x, v, x, s, k).mean();
    }

    /** Deterministic Euler step {@code x + v·dt}. */
    public static NDArray odeStep(NDArray x, NDArray v, FlowSchedule s, int k) {
        return FlowSteps.ode(x, v, sigma(x, s.sigma(k)), sigma(x, s.sigma(k + 1)));
    }

    private static NDArray sigma(NDArray x, double value) {
        NDManager m = x.getManager();
        long rows = x.getShape().get(0);
        double[] v = new double[(int) rows];
        java.util.Arrays.fill(v, value);
        return m.create(v).toType(x.getDataType(), false);
    }
}
