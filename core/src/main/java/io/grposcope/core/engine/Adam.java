package io.grposcope.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.grposcope.core.policy.token.NamedParam;

import java.util.List;

/**
 * Adam (Kingma & Ba 2015) with decoupled weight decay (AdamW, Loshchilov & Hutter 2019):
 * m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², θ ← θ − lr·(m/(1−β1ᵗ)) / (√(v/(1−β2ᵗ)) + ε) − lr·wd·θ.
 * Written here rather than DJL's because DJL detaches its moments to the system manager (feasibility P5); these
 * live in the run's manager, are freed with it, and can be checkpointed.
 */
public final class Adam {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final NDArray[] m;
    private final NDArray[] v;
    private long t;

    public Adam(NDManager runManager, List<NamedParam> params, double beta1, double beta2, double eps,
                double weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.m = new NDArray[params.size()];
        this.v = new NDArray[params.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = runManager.zeros(params.get(i).array().getShape());
            v[i] = runManager.zeros(params.get(i).array().getShape());
        }
    }

    /** Number of updates applied since creation or the last {@link #reset()}. */
    public long steps() {
        return t;
    }

    /**
     * One update; {@code grads[i]} belongs to {@code params.get(i)} and lives in {@code sm}; {@code gradScale}
     * multiplies the gradients first (the clip coefficient). Temporaries are created in {@code sm}, which must be a
     * short-lived sub-manager of the run manager.
     */
    public void step(NDManager sm, List<NamedParam> params, NDArray[] grads, double lr, double gradScale) {
        Autograd.noGrad();
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < m.length; i++) {
            NDArray g = gradScale == 1.0 ? grads[i] : grads[i].mul(gradScale);
            if (m[i].getManager() != sm) {
                // results of ops on the moments land in sm; a second tempAttach to the same manager would make
                // it release them on close, hence the guard
                m[i].tempAttach(sm);
                v[i].tempAttach(sm);
            }
            m[i].muli(beta1).addi(g.mul(1 - beta1));
            v[i].muli(beta2).addi(g.square().muli(1 - beta2));
            NDArray denom = v[i].div(bc2).sqrt().addi(eps);
            NDArray update = m[i].mul(lr / bc1).divi(denom);
            NDArray p = params.get(i).array();
            if (weightDecay != 0) {
                try (NDArray decay = p.mul(lr * weightDecay)) {
                    update.addi(decay);
                }
            }
            p.subi(update);
        }
    }

    /** Zeroes the moments and the step count (a new phase starts from fresh optimizer state). */
    public void reset() {
        t = 0;
        for (int i = 0; i < m.length; i++) {
            m[i].muli(0);
            v[i].muli(0);
        }
    }

    /** Moments in parameter order, for checkpoints. */
    public NDArray[] firstMoments() {
        return m.clone();
    }

    public NDArray[] secondMoments() {
        return v.clone();
    }

    public void restore(long steps) {
        t = steps;
    }
}
