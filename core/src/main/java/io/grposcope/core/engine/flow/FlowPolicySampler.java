package io.grposcope.core.engine.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.grposcope.core.algo.flow.StepResult;
import io.grposcope.core.algo.spi.flow.FlowSampler;
import io.grposcope.core.algo.spi.flow.FlowSchedule;
import io.grposcope.core.algo.spi.flow.SdeDraw;
import io.grposcope.core.policy.flow.FlowSdeMath;
import io.grposcope.core.policy.flow.VelocityNet;
import io.grposcope.core.task.flow.PointModesTask;
import java.util.Random;

/** The engine's {@link FlowSampler}: the current velocity net run without gradients, one sub-manager per call. */
final class FlowPolicySampler implements FlowSampler {
    private final NDManager manager;
    private final VelocityNet net;
    private final FlowSchedule schedule;
    private final PointModesTask task;

    FlowPolicySampler(NDManager manager, VelocityNet net, FlowSchedule schedule, PointModesTask task) {
        this.manager = manager;
        this.net = net;
        this.schedule = schedule;
        this.task = task;
    }

    @Override
    public FlowSchedule schedule() {
        return schedule;
    }

    @Override
    public int dim() {
        return net.dim();
    }

    @Override
    public float[][] initialNoise(int rows, Random rng) {
        float[][] x = new float[rows][dim()];
        for (float[] row : x) {
            for (int d = 0; d < row.length; d++) {
                row[d] = (float) rng.nextGaussian();
            }
        }
        return x;
    }

    @Override
    public float[][] odeStep(float[][] x, int[] prompts, int step) {
        try (NDManager sm = manager.newSubManager()) {
            NDArray xs = FlowArrays.create(sm, x);
            NDArray v = net.velocity(xs, FlowArrays.column(sm, x.length, schedule.sigma(step)), prompts);
            return FlowArrays.rows(FlowSdeMath.odeStep(xs, v, schedule, step), dim());
        }
    }

    @Override
    public SdeDraw sdeStep(float[][] x, int[] prompts, int step, Random rng) {
        try (NDManager sm = manager.newSubManager()) {
            NDArray xs = FlowArrays.create(sm, x);
            NDArray v = net.velocity(xs, FlowArrays.column(sm, x.length, schedule.sigma(step)), prompts);
            float[] noise = new float[x.length * dim()];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) rng.nextGaussian();
            }
            StepResult r = FlowSdeMath.sample(xs, v, sm.create(noise, new Shape(x.length, dim())), schedule, step);
            NDArray next = r.prevSample();
            NDArray mean = r.mean();
            float[] logp = r.logProb().toFloatArray();
            return new SdeDraw(FlowArrays.rows(next, dim()), FlowArrays.rows(mean, dim()), logp);
        }
    }

    @Override
    public float[] reward(float[][] x, int[] prompts) {
        return task.rewards(x, prompts);
    }
}
