package io.grposcope.core.algo.flow;

/**
 * Rectified-flow sigma grids (methods-spec §3.0). SD3/SD3.5 (diffusers FlowMatchEulerDiscreteScheduler, shift s):
 * u_k = linspace(1, u_min, N) with u_min = s·0.001 / (1 + (s−1)·0.001), σ_k = s·u_k / (1 + (s−1)·u_k), then
 * σ_N = 0. MixGRPO / DanceGRPO instead shift linspace(1, 0, N + 1).
 */
public final class SigmaSchedule {

    private SigmaSchedule() {
    }

    /** σ = s·u / (1 + (s − 1)·u). */
    public static double shift(double u, double s) {
        return s * u / (1.0 + (s - 1.0) * u);
    }

    /** The SD3 grid of N steps: N + 1 decreasing values from 1 to 0. */
    public static double[] sd3(int steps, double shift) {
        checkSteps(steps, shift);
        double uMin = shift(0.001, shift);
        double[] sigmas = new double[steps + 1];
        for (int k = 0; k < steps; k++) {
            double u = steps == 1 ? 1.0 : 1.0 + (uMin - 1.0) * k / (steps - 1);
            sigmas[k] = shift(u, shift);
        }
        sigmas[steps] = 0.0;
        return sigmas;
    }

    /** The grid of MixGRPO / DanceGRPO / BranchGRPO: shift(linspace(1, 0, N + 1)). */
    public static double[] shiftedLinear(int steps, double shift) {
        checkSteps(steps, shift);
        double[] sigmas = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            sigmas[k] = shift(1.0 - (double) k / steps, shift);
        }
        return sigmas;
    }

    /**
     * Flow-GRPO's diffusion scale σ_t = a·sqrt(σ / (1 − σ̃)) with σ̃ = σ, except at σ = 1 where σ̃ = σ_1 (the
     * grid's second value) so the first step stays finite.
     */
    public static double sdeScale(double sigma, double noiseLevel, double secondSigma) {
        double s = sigma == 1.0 ? secondSigma : sigma;
        return noiseLevel * Math.sqrt(sigma / (1.0 - s));
    }

    /** Transition std τ_k = σ_t·sqrt(σ_k − σ_{k+1}) of every step of a grid (Flow-SDE, noise level a). */
    public static double[] transitionStds(double[] sigmas, double noiseLevel) {
        double[] tau = new double[sigmas.length - 1];
        for (int k = 0; k < tau.length; k++) {
            tau[k] = sdeScale(sigmas[k], noiseLevel, sigmas[1]) * Math.sqrt(sigmas[k] - sigmas[k + 1]);
        }
        return tau;
    }

    private static void checkSteps(int steps, double shift) {
        if (steps < 1) {
            throw new IllegalArgumentException("need at least one denoising step, got " + steps);
        }
        if (!(shift > 0)) {
            throw new IllegalArgumentException("shift must be > 0, got " + shift);
        }
    }
}
