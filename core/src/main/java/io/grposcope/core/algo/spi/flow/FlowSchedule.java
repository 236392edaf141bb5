package io.grposcope.core.algo.spi.flow;

import io.grposcope.core.algo.flow.SigmaSchedule;
import java.util.Arrays;

/**
 * The SD3 shifted sigma grid and the Flow-SDE noise per step (methods-spec §3.0, §3.1): {@code u = linspace(1,
 * u_min, N)}, {@code σ = s·u/(1+(s−1)·u)}, σ_N = 0; {@code σ_t = a·sqrt(σ/(1−σ))} with σ_1 standing in at σ = 1,
 * and the transition std {@code τ_k = σ_t·sqrt(Δt)}. Immutable; plain doubles so plugins can read it. The grid and
 * σ_t come from {@link SigmaSchedule} (algo.flow).
 */
public final class FlowSchedule {
    private final double[] sigmas;
    private final double noiseLevel;

    private FlowSchedule(double[] sigmas, double noiseLevel) {
        this.sigmas = sigmas;
        this.noiseLevel = noiseLevel;
    }

    /** SD3 grid of {@code steps} steps with the given shift (diffusers FlowMatchEulerDiscreteScheduler, 1000 train steps). */
    public static FlowSchedule sd3(int steps, double shift, double noiseLevel) {
        if (steps < 2) {
            throw new IllegalArgumentException("flow schedule needs at least 2 denoising steps, got " + steps);
        }
        return new FlowSchedule(SigmaSchedule.sd3(steps, shift), noiseLevel);
    }

    /** A schedule on a given grid (decreasing, ending at 0), e.g. the float32 values of another implementation. */
    public static FlowSchedule of(double[] sigmas, double noiseLevel) {
        return new FlowSchedule(sigmas.clone(), noiseLevel);
    }

    public FlowSchedule withNoiseLevel(double a) {
        return new FlowSchedule(sigmas, a);
    }

    public int steps() {
        return sigmas.length - 1;
    }

    public double noiseLevel() {
        return noiseLevel;
    }

    public double sigma(int k) {
        return sigmas[k];
    }

    public double[] sigmas() {
        return sigmas.clone();
    }

    /** {@code dt = σ_{k+1} − σ_k < 0}. */
    public double dt(int k) {
        return sigmas[k + 1] - sigmas[k];
    }

    /** {@code Δt = −dt > 0}. */
    public double deltaT(int k) {
        return -dt(k);
    }

    /** SDE diffusion scale {@code σ_t}; at σ = 1 the denominator uses σ_1 as Flow-GRPO does. */
    public double sigmaT(int k) {
        return SigmaSchedule.sdeScale(sigmas[k], noiseLevel, sigmas[1]);
    }

    /** Transition std {@code τ_k = σ_t·sqrt(Δt)}. */
    public double tau(int k) {
        return sigmaT(k) * Math.sqrt(deltaT(k));
    }

    /** The first ⌊N·fraction⌋ steps (Flow-GRPO's timestep_fraction); at least one. */
    public int[] trainedSteps(double fraction) {
        int n = Math.max(1, Math.min(steps(), (int) Math.floor(steps() * fraction + 1e-9)));
        int[] ks = new int[n];
        Arrays.setAll(ks, i -> i);
        return ks;
    }

    /** Flow-GRPO-Fast window: steps [start, start + size). */
    public int[] window(int start, int size) {
        if (start < 0 || size < 1 || start + size > steps()) {
            throw new IllegalArgumentException("SDE window [" + start + ", " + (start + size) + ") is outside 0.."
                    + steps());
        }
        int[] ks = new int[size];
        Arrays.setAll(ks, i -> start + i);
        return ks;
    }
}
