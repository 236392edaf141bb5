package io.grposcope.core.engine.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Adam (Kingma and Ba) with global-norm gradient clipping, its moments kept as Java arrays so that no optimizer
 * state leaks into a native manager (feasibility P5): {@code m ← β1 m + (1−β1) g}, {@code v ← β2 v + (1−β2) g²},
 * {@code θ ← θ − lr·m̂/(sqrt(v̂)+eps)}. The nets here hold about 10k parameters, so the copies cost nothing.
 */
final class FlowAdam {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final float[][] m;
    private final float[][] v;
    private long t;

    FlowAdam(List<NDArray> params, double beta1, double beta2, double eps) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.m = new float[params.size()][];
        this.v = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            m[i] = new float[(int) params.get(i).size()];
            v[i] = new float[m[i].length];
        }
    }

    /** Global L2 norm of the gradients. */
    static double norm(float[][] grads) {
        double s = 0;
        for (float[] g : grads) {
            for (float x : g) {
                s += (double) x * x;
            }
        }
        return Math.sqrt(s);
    }

    /** Clips {@code grads} to {@code maxNorm} (if > 0) and applies one Adam update with step size {@code lr}. */
    void step(NDManager sm, List<NDArray> params, float[][] grads, double lr, double maxNorm) {
        double n = norm(grads);
        double scale = maxNorm > 0 && n > maxNorm ? maxNorm / (n + 1e-6) : 1.0;
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < params.size(); i++) {
            float[] upd = new float[grads[i].length];
            for (int j = 0; j < upd.length; j++) {
                double g = grads[i][j] * scale;
                m[i][j] = (float) (beta1 * m[i][j] + (1 - beta1) * g);
                v[i][j] = (float) (beta2 * v[i][j] + (1 - beta2) * g * g);
                upd[j] = (float) (lr * (m[i][j] / c1) / (Math.sqrt(v[i][j] / c2) + eps));
            }
            params.get(i).subi(sm.create(upd, params.get(i).getShape()));
        }
    }

    /** Current gradients as Java arrays; the gradient handles are attached to {@code sm} (feasibility P4). */
    static float[][] readGrads(NDManager sm, List<NDArray> params) {
        float[][] g = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            NDArray grad = params.get(i).getGradient();
            grad.attach(sm);
            g[i] = grad.toFloatArray();
        }
        return g;
    }

    /**
     * DJL does not zero gradients after backward (feasibility P3). g − g keeps NaN and turns ±Inf into NaN, so
     * after a non-finite backward those entries are set to 0 as well, or every later step would inherit them.
     */
    static void zeroGrads(NDManager sm, List<NDArray> params, boolean finite) {
        for (NDArray p : params) {
            NDArray grad = p.getGradient();
            grad.attach(sm);
            grad.subi(grad);
            if (!finite) {
                grad.set(grad.isNaN(), 0f);
            }
        }
    }

    long steps() {
        return t;
    }

    float[][] firstMoments() {
        return m;
    }

    float[][] secondMoments() {
        return v;
    }

    void restore(float[][] m1, float[][] m2, long steps) {
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m1[i], 0, m[i], 0, m[i].length);
            System.arraycopy(m2[i], 0, v[i], 0, v[i].length);
        }
        t = steps;
    }
}
