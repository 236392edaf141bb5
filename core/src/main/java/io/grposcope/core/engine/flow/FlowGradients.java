package io.grposcope.core.engine.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.grposcope.core.algo.spi.flow.StepSlice;
import io.grposcope.core.engine.Autograd;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The gradient of the Flow-GRPO objective on some rows of a rollout: every trained step's loss term is
 * back-propagated on its own, scaled 1/(steps with rows) as Flow-GRPO accumulates over steps, and the gradient
 * is read between backward passes, so each step's own contribution (its gradient norm) is known. Training and
 * what-if replay both go through here, which is what makes a replay reproduce a step's gradient bit for bit.
 */
final class FlowGradients {

    /** One trained step's term: the slice it came from, the rows it used, its loss numbers and own grad norm. */
    record Term(int slice, int[] rows, FlowLoss.Result result, double ownNorm) {
        double total(double klBeta) {
            return result.policyLoss() + klBeta * result.kl();
        }
    }

    /** The accumulated gradient (null when no slice had rows), the summed loss and whether all of it is finite. */
    record Sum(float[][] grads, double loss, boolean finite) {
        double norm() {
            return grads == null ? Double.NaN : FlowAdam.norm(grads);
        }
    }

    private FlowGradients() {
    }

    /**
     * Accumulates the gradient of the terms of {@code slices} on the rows {@code rowsOf(i)} picks from slice i into
     * the parameters' gradients (left there for the caller to use and zero), handing each term to {@code each}.
     */
    static Sum accumulate(NDManager sm, FlowLoss loss, List<NDArray> params, List<StepSlice> slices,
                          List<float[]> advantages, IntFunction<int[]> rowsOf, int[] trainedSteps,
                          FlowUpdate.Hyper h, java.util.function.Consumer<Term> each) {
        int active = 0;
        for (int i = 0; i < slices.size(); i++) {
            active += rowsOf.apply(i).length > 0 ? 1 : 0;
        }
        float scale = 1f / Math.max(1, active);
        float[][] prev = null;
        double total = 0;
        boolean finite = true;
        for (int i = 0; i < slices.size(); i++) {
            int[] rows = rowsOf.apply(i);
            if (rows.length == 0) {
                continue;
            }
            StepSlice slice = slices.get(i);
            float[] adv = advantages.get(i);
            FlowLoss.Result r = Autograd.withCollector(gc -> {
                FlowLoss.Result res = loss.compute(sm, slice, rows, adv, trainedSteps, h);
                gc.backward(res.total().mul(scale));
                return res;
            });
            float[][] g = FlowAdam.readGrads(sm, params);
            Term t = new Term(i, rows, r, deltaNorm(g, prev));
            prev = g;
            total += t.total(h.klBeta()) * scale;
            finite &= Double.isFinite(t.total(h.klBeta())) && Double.isFinite(t.ownNorm());
            each.accept(t);
        }
        return new Sum(prev, total, finite);
    }

    /** Per-layer L2 norms of {@code grads}, one entry per layer name in {@code layers} (parameter order). */
    static Map<String, Double> layerNorms(float[][] grads, List<String> layers) {
        Map<String, Double> sq = new LinkedHashMap<>();
        for (int i = 0; i < grads.length; i++) {
            double n = FlowAdam.norm(new float[][] {grads[i]});
            sq.merge(layers.get(i), n * n, Double::sum);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sq.forEach((layer, s) -> out.put(layer, Math.sqrt(s)));
        return out;
    }

    private static double deltaNorm(float[][] g, float[][] prev) {
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g[i].length; j++) {
                double d = g[i][j] - (prev == null ? 0 : prev[i][j]);
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }
}
