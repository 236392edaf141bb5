package io.grposcope.core.algo.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Denoising steps of rectified-flow models (methods-spec §3.0–3.2), from σ to σ' &lt; σ with dt = σ' − σ:
 * ODE x' = x + v·dt; Flow-GRPO's Flow-SDE (Liu et al. 2025) μ = x(1 + σ_t²dt/(2σ)) + v(1 + σ_t²(1−σ)/(2σ))dt,
 * τ = σ_t·sqrt(−dt); CPS τ = σ'·sin(aπ/2), μ = x̂₀(1−σ') + x̂₁·sqrt(σ'² − τ²); DanceGRPO's SDE
 * μ = x + v·dt − ½η²·score·dt, τ = η·sqrt(−dt). Log-probs are means over all non-batch dimensions.
 * σ and σ' are per row (B); x and v are (B, ...). Arithmetic runs in x's dtype.
 */
public final class FlowSteps {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private FlowSteps() {
    }

    /** Deterministic Euler step x + v·(σ' − σ). */
    public static NDArray ode(NDArray x, NDArray v, NDArray sigma, NDArray sigmaNext) {
        return x.add(v.mul(perRow(sigmaNext.sub(sigma), x)));
    }

    /**
     * Flow-GRPO SDE step with log-prob. Give {@code prevSample} to score a stored transition, or {@code noise}
     * (ξ, like x) to sample x' = μ + τ·ξ. {@code secondSigma} is σ_1 of the grid, used when σ = 1.
     */
    public static StepResult flowSde(NDArray x, NDArray v, NDArray sigma, NDArray sigmaNext, double noiseLevel,
                                     double secondSigma, NDArray prevSample, NDArray noise) {
        NDArray s = perRow(sigma, x);
        NDArray dt = perRow(sigmaNext, x).sub(s);
        NDArray sTilde = s.eq(1.0).toType(s.getDataType(), false).mul(secondSigma - 1.0).add(s);
        NDArray stdDevT = s.div(sTilde.neg().add(1.0)).sqrt().mul(noiseLevel);
        NDArray var = stdDevT.square();
        NDArray mean = x.mul(var.div(s.mul(2.0)).mul(dt).add(1.0))
                .add(v.mul(var.mul(s.neg().add(1.0)).div(s.mul(2.0)).add(1.0)).mul(dt));
        NDArray tau = stdDevT.mul(dt.neg().sqrt());
        NDArray next = next(mean, tau, prevSample, noise);
        NDArray lp = next.sub(mean).square().neg().div(tau.square().mul(2.0))
                .sub(tau.log()).sub(HALF_LOG_2PI);
        return new StepResult(next, mean, stdDevT, tau, meanOverRow(lp));
    }

    /** Coefficient-preserving sampling: stored log-prob is mean(−(x' − μ)²), no variance or constants. */
    public static StepResult cps(NDArray x, NDArray v, NDArray sigma, NDArray sigmaNext, double noiseLevel,
                                 NDArray prevSample, NDArray noise) {
        NDArray s = perRow(sigma, x);
        NDArray sn = perRow(sigmaNext, x);
        NDArray tau = sn.mul(Math.sin(noiseLevel * Math.PI / 2));
        NDArray x0 = x.sub(v.mul(s));
        NDArray x1 = x.add(v.mul(s.neg().add(1.0)));
        NDArray mean = x0.mul(sn.neg().add(1.0)).add(x1.mul(sn.square().sub(tau.square()).sqrt()));
        NDArray next = next(mean, tau, prevSample, noise);
        return new StepResult(next, mean, tau, tau, meanOverRow(next.sub(mean).square().neg()));
    }

    /**
     * DanceGRPO SDE (constant η). {@code withConstants} adds −log τ − ½log 2π as BranchGRPO's copy does;
     * DanceGRPO's own code drops them (harmless for ratios).
     */
    public static StepResult dance(NDArray x, NDArray v, NDArray sigma, NDArray sigmaNext, double eta,
                                   boolean withConstants, NDArray prevSample, NDArray noise) {
        NDArray s = perRow(sigma, x);
        NDArray dt = perRow(sigmaNext, x).sub(s);
        NDArray x0 = x.sub(v.mul(s));
        NDArray score = x.sub(x0.mul(s.neg().add(1.0))).div(s.square()).neg();
        NDArray mean = x.add(v.mul(dt)).add(score.mul(-0.5 * eta * eta).mul(dt));
        NDArray tau = dt.neg().sqrt().mul(eta);
        NDArray next = next(mean, tau, prevSample, noise);
        NDArray lp = next.sub(mean).square().neg().div(tau.square().mul(2.0));
        if (withConstants) {
            lp = lp.sub(tau.log()).sub(HALF_LOG_2PI);
        }
        return new StepResult(next, mean, tau.onesLike().mul(eta), tau, meanOverRow(lp));
    }

    private static NDArray next(NDArray mean, NDArray tau, NDArray prevSample, NDArray noise) {
        if (prevSample != null) {
            return prevSample.stopGradient();
        }
        if (noise == null) {
            throw new IllegalArgumentException("give either prevSample (to score) or noise (to sample)");
        }
        return mean.add(tau.mul(noise));
    }

    /** σ of shape (B) reshaped to (B, 1, ..., 1) so it broadcasts over x; cast to x's dtype. */
    static NDArray perRow(NDArray sigma, NDArray x) {
        long b = x.getShape().get(0);
        if (sigma.getShape().size() != b) {
            throw new IllegalArgumentException("need one sigma per row: x " + x.getShape() + ", sigma "
                    + sigma.getShape());
        }
        long[] dims = new long[x.getShape().dimension()];
        java.util.Arrays.fill(dims, 1L);
        dims[0] = b;
        return sigma.toType(x.getDataType(), false).reshape(new Shape(dims));
    }

    /** Mean over every dimension but the first: (B, ...) → (B). */
    static NDArray meanOverRow(NDArray a) {
        if (a.getShape().dimension() == 1) {
            return a;
        }
        return a.reshape(a.getShape().get(0), -1).mean(new int[] {1});
    }
}
