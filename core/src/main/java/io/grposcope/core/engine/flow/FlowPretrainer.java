package io.grposcope.core.engine.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.grposcope.core.engine.Autograd;
import io.grposcope.core.policy.flow.VelocityNet;
import io.grposcope.core.task.flow.PointModesTask;
import java.util.Random;

/**
 * Rectified flow matching (methods-spec §3.0): draw data x_0, noise ε and σ ~ U(0,1), form
 * {@code x_σ = (1−σ)x_0 + σε} and regress {@code v_θ(x_σ, σ, c)} on {@code ε − x_0} with a mean squared error.
 */
final class FlowPretrainer {
    private final NDManager manager;
    private final VelocityNet net;
    private final PointModesTask task;
    private final FlowAdam adam;

    FlowPretrainer(NDManager manager, VelocityNet net, PointModesTask task) {
        this.manager = manager;
        this.net = net;
        this.task = task;
        this.adam = new FlowAdam(net.parameters(), 0.9, 0.999, 1e-8);
    }

    FlowAdam adam() {
        return adam;
    }

    /** One step; returns {loss, pre-clip gradient norm}. */
    double[] step(Random rng, int batch, double lr, double gradClip) {
        int[] prompts = new int[batch];
        float[] sig = new float[batch];
        float[][] eps = new float[batch][task.dim()];
        for (int i = 0; i < batch; i++) {
            prompts[i] = rng.nextInt(task.prompts());
            sig[i] = rng.nextFloat();
            for (int d = 0; d < task.dim(); d++) {
                eps[i][d] = (float) rng.nextGaussian();
            }
        }
        float[][] x0 = task.sample(prompts, rng);
        try (NDManager sm = manager.newSubManager()) {
            NDArray data = FlowArrays.create(sm, x0);
            NDArray noise = FlowArrays.create(sm, eps);
            NDArray sigma = sm.create(sig).reshape(batch, 1);
            NDArray xs = data.mul(sigma.neg().add(1)).add(noise.mul(sigma));
            NDArray target = noise.sub(data);
            double loss = Autograd.withCollector(gc -> {
                NDArray l = net.velocity(xs, sigma, prompts).sub(target).square().mean();
                gc.backward(l);
                return (double) l.getFloat();
            });
            float[][] g = FlowAdam.readGrads(sm, net.parameters());
            double norm = FlowAdam.norm(g);
            if (Double.isFinite(loss) && Double.isFinite(norm)) {
                adam.step(sm, net.parameters(), g, lr, gradClip);
            }
            FlowAdam.zeroGrads(sm, net.parameters(), Double.isFinite(norm));
            return new double[] {loss, norm};
        }
    }
}
