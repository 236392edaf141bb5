package io.grposcope.core.algo.spi.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * Flow-GRPO rollout (methods-spec §3.1): G SDE trajectories per prompt from fresh noise, storing x_k, x_{k+1},
 * μ_old and log p_old at the trained steps; the final sample's reward is shared by all of a trajectory's steps.
 * With {@code odeOutsideTrained} (Flow-GRPO-Fast / MixGRPO, §3.5) steps outside the trained set are deterministic.
 * With {@code sameNoise} (MixGRPO's {@code --init_same_noise}) a group's G rows start from one initial noise, so
 * they share the deterministic state before the window and their rewards differ only through its SDE draws.
 * It lives in the SPI so flow plugins can reuse it.
 */
public record SdeRollout(boolean odeOutsideTrained, boolean sameNoise) implements FlowRolloutStrategy {

    /** Fresh noise for every row. */
    public SdeRollout(boolean odeOutsideTrained) {
        this(odeOutsideTrained, false);
    }

    @Override
    public FlowBatch rollout(FlowSampler sampler, FlowRolloutRequest req) {
        int g = req.groupSize();
        int n = req.prompts().length * g;
        int[] rowPrompts = new int[n];
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            rowPrompts[i] = req.prompts()[i / g];
            keys[i] = rowPrompts[i];
        }
        boolean[] trained = new boolean[sampler.schedule().steps()];
        for (int k : req.trainedSteps()) {
            trained[k] = true;
        }
        float[][] x = initialNoise(sampler, req, n);
        List<float[][]> states = new ArrayList<>();
        List<SdeDraw> draws = new ArrayList<>();
        for (int k = 0; k < trained.length; k++) {
            if (trained[k] || !odeOutsideTrained) {
                SdeDraw d = sampler.sdeStep(x, rowPrompts, k, req.rng());
                if (trained[k]) {
                    states.add(x);
                    draws.add(d);
                }
                x = d.next();
            } else {
                x = sampler.odeStep(x, rowPrompts, k);
            }
        }
        float[] rewards = sampler.reward(x, rowPrompts);
        List<StepSlice> slices = new ArrayList<>();
        int[] ks = req.trainedSteps().clone();
        java.util.Arrays.sort(ks);
        for (int j = 0; j < ks.length; j++) {
            SdeDraw d = draws.get(j);
            slices.add(new StepSlice(ks[j], states.get(j), d.next(), d.mean(), d.logProb(), rowPrompts, rewards, keys));
        }
        return new FlowBatch(slices, x, rowPrompts, rewards);
    }

    private float[][] initialNoise(FlowSampler sampler, FlowRolloutRequest req, int rows) {
        if (!sameNoise) {
            return sampler.initialNoise(rows, req.rng());
        }
        float[][] perGroup = sampler.initialNoise(req.prompts().length, req.rng());
        float[][] x = new float[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = perGroup[i / req.groupSize()].clone();
        }
        return x;
    }
}
