package io.grposcope.core.policy.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Conditional velocity model {@code v_θ(x_σ, σ, c) ≈ ε − x_0} (rectified flow, methods-spec §3.0): an MLP over
 * the point, sinusoidal features of σ and a learned prompt embedding, with SiLU activations. Parameters live in
 * the manager given at creation; every forward chain starts from step-owned arrays (feasibility §7).
 */
public final class VelocityNet {
    private static final int FREQS = 6;
    private static final int EMBED = 16;
    private static final String[] LAYERS = {"embed", "fc1", "fc2", "fc3", "out"};

    private final int dim;
    private final int prompts;
    private final int hidden;
    private final List<NDArray> params;

    private VelocityNet(int dim, int prompts, int hidden, List<NDArray> params) {
        this.dim = dim;
        this.prompts = prompts;
        this.hidden = hidden;
        this.params = params;
    }

    /** A freshly initialised trainable net (PyTorch-style uniform init from {@code seed}). */
    public static VelocityNet create(NDManager manager, int dim, int prompts, int hidden, long seed) {
        Random rng = new Random(seed);
        int in = dim + 1 + 2 * FREQS + EMBED;
        List<NDArray> p = new ArrayList<>();
        p.add(uniform(manager, rng, new Shape(prompts, EMBED), 1.0));
        addLinear(manager, rng, p, hidden, in);
        addLinear(manager, rng, p, hidden, hidden);
        addLinear(manager, rng, p, hidden, hidden);
        addLinear(manager, rng, p, dim, hidden);
        p.forEach(a -> a.setRequiresGradient(true));
        return new VelocityNet(dim, prompts, hidden, p);
    }

    private static void addLinear(NDManager m, Random rng, List<NDArray> p, int out, int in) {
        double bound = 1.0 / Math.sqrt(in);
        p.add(uniform(m, rng, new Shape(out, in), bound));
        p.add(uniform(m, rng, new Shape(out), bound));
    }

    private static NDArray uniform(NDManager m, Random rng, Shape shape, double bound) {
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return m.create(v, shape);
    }

    /** A frozen copy (no gradients) in {@code manager}, e.g. the KL reference. */
    public VelocityNet frozenCopy(NDManager manager) {
        List<NDArray> copy = new ArrayList<>();
        for (NDArray a : params) {
            copy.add(manager.create(a.toFloatArray(), a.getShape()));
        }
        return new VelocityNet(dim, prompts, hidden, copy);
    }

    /** Velocity for rows {@code x} (B, D) at noise levels {@code sigma} (B, 1) under prompts (B). */
    public NDArray velocity(NDArray x, NDArray sigma, int[] promptIds) {
        NDManager sm = x.getManager();
        NDArray freqs = sm.create(frequencies()).reshape(1, FREQS);
        NDArray phase = sigma.matMul(freqs);
        NDArray emb = oneHot(sm, promptIds).matMul(params.get(0));
        NDArray h = NDArrays.concat(new NDList(x, sigma, phase.sin(), phase.cos(), emb), 1);
        for (int layer = 0; layer < 3; layer++) {
            h = silu(Linear.linear(h, params.get(1 + 2 * layer), params.get(2 + 2 * layer)).singletonOrThrow());
        }
        return Linear.linear(h, params.get(7), params.get(8)).singletonOrThrow();
    }

    private static float[] frequencies() {
        float[] f = new float[FREQS];
        for (int j = 0; j < FREQS; j++) {
            f[j] = (float) (Math.PI * (1 << j));
        }
        return f;
    }

    private NDArray oneHot(NDManager sm, int[] ids) {
        float[] v = new float[ids.length * prompts];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= prompts) {
                throw new IllegalArgumentException("prompt id " + ids[i] + " outside 0.." + (prompts - 1));
            }
            v[i * prompts + ids[i]] = 1f;
        }
        return sm.create(v, new Shape(ids.length, prompts));
    }

    private static NDArray silu(NDArray a) {
        return a.mul(Activation.sigmoid(a));
    }

    public List<NDArray> parameters() {
        return params;
    }

    /** Layer name of each parameter, in {@link #parameters()} order. */
    public List<String> parameterLayers() {
        List<String> names = new ArrayList<>();
        names.add(LAYERS[0]);
        for (int i = 1; i < LAYERS.length; i++) {
            names.add(LAYERS[i]);
            names.add(LAYERS[i]);
        }
        return names;
    }

    public int dim() {
        return dim;
    }

    public int prompts() {
        return prompts;
    }

    public int hidden() {
        return hidden;
    }

    public long parameterCount() {
        return params.stream().mapToLong(NDArray::size).sum();
    }

    /** Overwrites this net's weights with {@code other}'s (same architecture), e.g. on rollback. */
    public void loadFrom(VelocityNet other) {
        for (int i = 0; i < params.size(); i++) {
            params.get(i).set(other.params.get(i).toFloatArray());
        }
    }
}
