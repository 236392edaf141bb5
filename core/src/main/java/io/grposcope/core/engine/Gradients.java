package io.grposcope.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.grposcope.core.policy.token.NamedParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads gradients out of the parameters into a step manager, measures them (global and per-layer L2 norms before
 * clipping, as verl's grad_norm) and zeroes them afterwards, since DJL's collector does not (feasibility P3).
 */
public final class Gradients {

    private final NDArray[] grads;
    private final double[] sqNorms;

    private Gradients(NDArray[] grads, double[] sqNorms) {
        this.grads = grads;
        this.sqNorms = sqNorms;
    }

    /** Gradient handles of every parameter, attached to {@code sm} so they are released with it. */
    public static Gradients read(NDManager sm, List<NamedParam> params) {
        NDArray[] g = new NDArray[params.size()];
        double[] sq = new double[params.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = params.get(i).array().getGradient();
            g[i].attach(sm);
            sq[i] = g[i].square().sum().toType(DataType.FLOAT64, false).getDouble();
        }
        return new Gradients(g, sq);
    }

    public NDArray[] arrays() {
        return grads;
    }

    /** Total L2 norm over all parameters. */
    public double globalNorm() {
        double s = 0;
        for (double v : sqNorms) {
            s += v;
        }
        return Math.sqrt(s);
    }

    /** L2 norm per layer, in model order. */
    public Map<String, Double> layerNorms(List<NamedParam> params) {
        Map<String, Double> sq = new LinkedHashMap<>();
        for (int i = 0; i < sqNorms.length; i++) {
            sq.merge(params.get(i).layer(), sqNorms[i], Double::sum);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sq.forEach((k, v) -> out.put(k, Math.sqrt(v)));
        return out;
    }

    /** min(1, maxNorm / (norm + 1e-6)), torch's clip_grad_norm_ factor; 1 when clipping is off (maxNorm ≤ 0). */
    public static double clipCoefficient(double norm, double maxNorm) {
        return maxNorm <= 0 ? 1.0 : Math.min(1.0, maxNorm / (norm + 1e-6));
    }

    /** Sets every gradient to exactly zero (also NaN/Inf ones, which g − g would keep). */
    public void zero() {
        for (int i = 0; i < grads.length; i++) {
            grads[i].muli(0);
            if (!Double.isFinite(sqNorms[i])) {
                grads[i].set(grads[i].isNaN(), 0f);
            }
        }
    }
}
