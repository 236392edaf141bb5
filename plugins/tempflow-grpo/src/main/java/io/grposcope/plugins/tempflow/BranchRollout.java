package io.grposcope.plugins.tempflow;

import io.grposcope.core.algo.spi.flow.FlowBatch;
import io.grposcope.core.algo.spi.flow.FlowRolloutRequest;
import io.grposcope.core.algo.spi.flow.FlowRolloutStrategy;
import io.grposcope.core.algo.spi.flow.FlowSampler;
import io.grposcope.core.algo.spi.flow.SdeDraw;
import io.grposcope.core.algo.spi.flow.StepSlice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TempFlow-GRPO trajectory branching (He et al. 2025, methods-spec §3.4): per prompt, {@code seeds} initial noises
 * run the ODE; at each branch step k, E SDE successors leave the ODE state x_k, each continues by ODE to the end
 * and is scored, so step k gets its own reward per branch (shape seeds·E per prompt per step). Group keys are the
 * prompt, or the prompt × seed ("seed group").
 */
public record BranchRollout(int branches, int seeds, boolean groupBySeed) implements FlowRolloutStrategy {

    public BranchRollout {
        if (branches < 1 || seeds < 1) {
            throw new IllegalArgumentException("TempFlow branching needs ≥1 branch and ≥1 seed, got " + branches
                    + " branches and " + seeds + " seeds");
        }
    }

    @Override
    public FlowBatch rollout(FlowSampler sampler, FlowRolloutRequest req) {
        int rows = req.prompts().length * seeds;
        int[] prompts = new int[rows];
        for (int i = 0; i < rows; i++) {
            prompts[i] = req.prompts()[i / seeds];
        }
        int steps = sampler.schedule().steps();
        float[][][] ode = new float[steps + 1][][];
        ode[0] = sampler.initialNoise(rows, req.rng());
        for (int k = 0; k < steps; k++) {
            ode[k + 1] = sampler.odeStep(ode[k], prompts, k);
        }
        int[] ks = req.trainedSteps().clone();
        Arrays.sort(ks);
        List<StepSlice> slices = new ArrayList<>();
        for (int k : ks) {
            slices.add(branch(sampler, req, ode[k], prompts, k));
        }
        return new FlowBatch(slices, ode[steps], prompts, sampler.reward(ode[steps], prompts));
    }

    private StepSlice branch(FlowSampler sampler, FlowRolloutRequest req, float[][] xk, int[] prompts, int k) {
        int n = xk.length * branches;
        float[][] start = new float[n][];
        int[] rowPrompts = new int[n];
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int origin = i / branches;
            start[i] = xk[origin];
            rowPrompts[i] = prompts[origin];
            keys[i] = groupBySeed ? origin : prompts[origin];
        }
        SdeDraw d = sampler.sdeStep(start, rowPrompts, k, req.rng());
        float[][] x = d.next();
        for (int j = k + 1; j < sampler.schedule().steps(); j++) {
            x = sampler.odeStep(x, rowPrompts, j);
        }
        return new StepSlice(k, start, d.next(), d.mean(), d.logProb(), rowPrompts, sampler.reward(x, rowPrompts), keys);
    }
}
