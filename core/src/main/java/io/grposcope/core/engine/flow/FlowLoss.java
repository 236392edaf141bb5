package io.grposcope.core.engine.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.grposcope.core.algo.flow.StepResult;
import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.FlowSchedule;
import io.grposcope.core.algo.spi.flow.FlowStepContext;
import io.grposcope.core.algo.spi.flow.StepSlice;
import io.grposcope.core.policy.flow.FlowSdeMath;
import io.grposcope.core.policy.flow.VelocityNet;

/**
 * Flow-GRPO loss of one trained step k on a minibatch (methods-spec §3.1): recompute μ_θ and log p_θ on the stored
 * (x_k, x_{k+1}), let the method transform the log-ratio, then {@code L_k = weight_k · mean_i max(−A·w,
 * −A·clip(w, 1−ε_low, 1+ε_high)) + β·mean_i mean_dims(μ_θ − μ_ref)² / (2·denominator)}, the denominator being
 * σ_t² (Flow-GRPO code) or τ_k² (exact Gaussian KL).
 */
final class FlowLoss {
    private final VelocityNet policy;
    private final VelocityNet reference;
    private final FlowSchedule schedule;
    private final FlowMethod method;

    /**
     * Differentiable total plus the plain numbers the metrics and the debugger need: per-row log-ratios (as the
     * clip sees them, and raw) and per-row KL terms, the step's policy loss and mean KL.
     */
    record Result(NDArray total, float[] logRatio, float[] rawLogRatio, float[] rowKl, double policyLoss, double kl) {
    }

    FlowLoss(VelocityNet policy, VelocityNet reference, FlowSchedule schedule, FlowMethod method) {
        this.policy = policy;
        this.reference = reference;
        this.schedule = schedule;
        this.method = method;
    }

    Result compute(NDManager sm, StepSlice slice, int[] rows, float[] adv, int[] trainedSteps, FlowUpdate.Hyper h) {
        int k = slice.step();
        int[] prompts = FlowArrays.pick(slice.prompts(), rows);
        NDArray x = FlowArrays.create(sm, FlowArrays.pick(slice.x(), rows));
        NDArray next = FlowArrays.create(sm, FlowArrays.pick(slice.next(), rows));
        NDArray oldMean = FlowArrays.create(sm, FlowArrays.pick(slice.oldMean(), rows));
        NDArray oldLp = sm.create(FlowArrays.pick(slice.oldLogProb(), rows));
        NDArray negA = sm.create(FlowArrays.pick(adv, rows)).neg();
        NDArray sigma = FlowArrays.column(sm, rows.length, schedule.sigma(k));
        double tau = schedule.tau(k);
        double sigmaT = schedule.sigmaT(k);

        StepResult step = FlowSdeMath.score(x, policy.velocity(x, sigma, prompts), next, schedule, k);
        NDArray mean = step.mean();
        NDArray lp = step.logProb();
        FlowStepContext ctx = new FlowStepContext(k, lp, oldLp, mean, oldMean, sigmaT, schedule.deltaT(k), tau);
        // 0-dim float64 scalars would promote the loss to float64, so every factor below is a float
        NDArray logW = method.ratio().logRatio(ctx).clip(-20f, 20f);
        NDArray w = logW.exp();
        NDArray surrogate = negA.mul(w).maximum(negA.mul(w.clip((float) (1 - h.clipLow()), (float) (1 + h.clipHigh())))).mean();
        NDArray policyLoss = surrogate.mul((float) method.weighting().weight(k, schedule, trainedSteps));

        NDArray refMean = FlowSdeMath.mean(x, reference.velocity(x, sigma, prompts), schedule, k);
        double denom = h.klTransitionVar() ? tau * tau : sigmaT * sigmaT;
        NDArray rowKl = mean.sub(refMean).square().mean(new int[] {1}).div((float) (2 * denom));
        NDArray kl = rowKl.mean();
        NDArray total = policyLoss.add(kl.mul((float) h.klBeta()));
        return new Result(total, logW.toFloatArray(), ctx.rawLogRatio().toFloatArray(), rowKl.toFloatArray(),
                policyLoss.getFloat(), kl.getFloat());
    }
}
