package io.grposcope.plugins.mixgrpo;

import io.grposcope.core.algo.spi.flow.FlowBatch;
import io.grposcope.core.algo.spi.flow.FlowRolloutRequest;
import io.grposcope.core.algo.spi.flow.FlowRolloutStrategy;
import io.grposcope.core.algo.spi.flow.FlowSampler;
import io.grposcope.core.algo.spi.flow.SdeDraw;
import io.grposcope.core.algo.spi.flow.StepSlice;
import java.util.ArrayList;
import java.util.List;

/**
 * MixGRPO's mixed ODE-SDE rollout (methods-spec §3.5): G trajectories per prompt from fresh noise, Flow-SDE steps
 * (with stored x_k, x_{k+1}, μ_old, log p_old) only inside the window, deterministic Euler steps everywhere else;
 * the final sample's reward is shared by the window's steps. With {@code sameNoise} (the MixGRPO script's
 * {@code --init_same_noise}) a group's G rows start from one initial noise, so they share the deterministic state
 * at the window's start and their rewards differ only through the window's SDE draws.
 */
record MixedRollout(boolean sameNoise) implements FlowRolloutStrategy {

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
        boolean[] inWindow = new boolean[sampler.schedule().steps()];
        for (int k : req.trainedSteps()) {
            inWindow[k] = true;
        }
        float[][] x = initialNoise(sampler, req, n);
        List<Integer> steps = new ArrayList<>();
        List<float[][]> states = new ArrayList<>();
        List<SdeDraw> draws = new ArrayList<>();
        for (int k = 0; k < inWindow.length; k++) {
            if (inWindow[k]) {
                SdeDraw d = sampler.sdeStep(x, rowPrompts, k, req.rng());
                steps.add(k);
                states.add(x);
                draws.add(d);
                x = d.next();
            } else {
                x = sampler.odeStep(x, rowPrompts, k);
            }
        }
        float[] rewards = sampler.reward(x, rowPrompts);
        List<StepSlice> slices = new ArrayList<>();
        for (int j = 0; j < steps.size(); j++) {
            SdeDraw d = draws.get(j);
            slices.add(new StepSlice(steps.get(j), states.get(j), d.next(), d.mean(), d.logProb(), rowPrompts, rewards,
                    keys));
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
