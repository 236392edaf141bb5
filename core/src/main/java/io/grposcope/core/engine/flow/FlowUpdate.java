package io.grposcope.core.engine.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.grposcope.core.algo.spi.flow.ColumnAdvantages;
import io.grposcope.core.algo.spi.flow.FlowBatch;
import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.FlowSchedule;
import io.grposcope.core.algo.spi.flow.StepSlice;
import io.grposcope.core.engine.Autograd;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.Histogram;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepRecord;
import io.grposcope.core.policy.flow.VelocityNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One Flow-GRPO policy update on a rollout batch: per-step column advantages, then for each epoch and minibatch
 * every trained step's loss is back-propagated on its own (scaled 1/K, as Flow-GRPO accumulates over steps), so
 * each step's own gradient norm can be read between backward passes; then clip and one Adam step per minibatch.
 */
final class FlowUpdate {
    private final NDManager manager;
    private final VelocityNet policy;
    private final FlowLoss loss;
    private final FlowAdam adam;
    private final FlowMethod method;
    private final FlowSchedule schedule;
    private final Map<String, Double> layerNorms = new LinkedHashMap<>();

    /** The hyperparameters of one update (live ones included). */
    record Hyper(double lr, double clipLow, double clipHigh, double klBeta, double gradClip, boolean klTransitionVar,
                 int minibatches, int epochs, double advClipMax, double logRatioRange, int histBuckets) {
    }

    FlowUpdate(NDManager manager, VelocityNet policy, FlowLoss loss, FlowAdam adam, FlowMethod method,
               FlowSchedule schedule) {
        this.manager = manager;
        this.schedule = schedule;
        this.policy = policy;
        this.loss = loss;
        this.adam = adam;
        this.method = method;
    }

    void apply(StepRecord.Builder b, FlowBatch batch, int[] trainedSteps, Hyper h, Random rng) {
        List<StepSlice> slices = batch.slices();
        List<ColumnAdvantages.Column> cols = new ArrayList<>();
        Map<Integer, StepStats> stats = new LinkedHashMap<>();
        double[] edges = Histogram.linearEdges(-h.logRatioRange(), h.logRatioRange(), h.histBuckets());
        List<int[]> perms = new ArrayList<>();
        for (StepSlice s : slices) {
            cols.add(ColumnAdvantages.of(s.rewards(), s.groupKeys(), method.globalStd(), h.advClipMax()));
            stats.put(s.step(), new StepStats(s.step(), edges));
            perms.add(permutation(s.rows(), rng));
        }
        layerNorms.clear();
        double normSum = 0;
        double normMax = 0;
        int updates0 = 0;
        for (int e = 0; e < h.epochs(); e++) {
            for (int mb = 0; mb < h.minibatches(); mb++) {
                double n = minibatch(b, slices, cols, perms, stats, mb, trainedSteps, h);
                if (n >= 0) {
                    normSum += n;
                    normMax = Math.max(normMax, n);
                    updates0++;
                }
            }
        }
        int updates = updates0;
        b.scalar("grad/norm", updates == 0 ? Double.NaN : normSum / updates);
        b.scalar("grad/norm_max", normMax);
        FlowMetrics.writeSteps(b, stats, cols, slices, method, schedule, trainedSteps);
        layerNorms.forEach((layer, sum) -> b.layerNorm(layer, updates == 0 ? 0 : sum / updates));
    }

    /** Returns the pre-clip gradient norm of the update, or −1 when it was skipped. */
    private double minibatch(StepRecord.Builder b, List<StepSlice> slices, List<ColumnAdvantages.Column> cols,
                             List<int[]> perms, Map<Integer, StepStats> stats, int mb, int[] trainedSteps, Hyper h) {
        List<NDArray> params = policy.parameters();
        try (NDManager sm = manager.newSubManager()) {
            float[][] prev = null;
            boolean finite = true;
            int active = countActive(slices, perms, mb, h.minibatches());
            for (int i = 0; i < slices.size(); i++) {
                int[] rows = chunk(perms.get(i), mb, h.minibatches());
                if (rows.length == 0) {
                    continue;
                }
                StepSlice slice = slices.get(i);
                float[] adv = cols.get(i).advantages();
                FlowLoss.Result r = Autograd.withCollector(gc -> {
                    FlowLoss.Result res = loss.compute(sm, slice, rows, adv, trainedSteps, h);
                    gc.backward(res.total().mul(1f / active));
                    return res;
                });
                float[][] g = FlowAdam.readGrads(sm, params);
                double own = deltaNorm(g, prev);
                prev = g;
                double total = r.policyLoss() + h.klBeta() * r.kl();
                finite &= Double.isFinite(total) && Double.isFinite(own);
                StepStats st = stats.get(slice.step());
                st.addRows(r.logRatio(), r.rawLogRatio(), FlowArrays.pick(adv, rows), h.clipLow(), h.clipHigh());
                st.addBatch(r.policyLoss(), r.kl(), own);
            }
            double norm = prev == null ? -1 : FlowAdam.norm(prev);
            if (prev != null && finite && Double.isFinite(norm)) {
                addLayerNorms(prev);
                adam.step(sm, params, prev, h.lr(), h.gradClip());
            } else if (prev != null) {
                b.event(RunEvent.of(b.step(), EventType.NON_FINITE,
                        "non-finite flow loss or gradient in minibatch " + mb + "; update skipped"));
                norm = -1;
            }
            if (prev != null) {
                FlowAdam.zeroGrads(sm, params);
            }
            return norm;
        }
    }

    private void addLayerNorms(float[][] grads) {
        List<String> layers = policy.parameterLayers();
        Map<String, Double> sq = new LinkedHashMap<>();
        for (int i = 0; i < grads.length; i++) {
            sq.merge(layers.get(i), FlowAdam.norm(new float[][] {grads[i]}) * FlowAdam.norm(new float[][] {grads[i]}),
                    Double::sum);
        }
        sq.forEach((layer, s) -> layerNorms.merge(layer, Math.sqrt(s), Double::sum));
    }

    private static int countActive(List<StepSlice> slices, List<int[]> perms, int mb, int m) {
        int c = 0;
        for (int i = 0; i < slices.size(); i++) {
            c += chunk(perms.get(i), mb, m).length > 0 ? 1 : 0;
        }
        return Math.max(1, c);
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

    static int[] chunk(int[] perm, int mb, int m) {
        int lo = (int) ((long) perm.length * mb / m);
        int hi = (int) ((long) perm.length * (mb + 1) / m);
        return java.util.Arrays.copyOfRange(perm, lo, hi);
    }

    private static int[] permutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
