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
    private FlowTrace trace;

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

    /** Runs the update; with {@code applyUpdate} false it computes and reports everything but takes no Adam step. */
    void apply(StepRecord.Builder b, FlowBatch batch, int[] trainedSteps, Hyper h, Random rng, boolean applyUpdate) {
        List<StepSlice> slices = batch.slices();
        List<float[]> advs = new ArrayList<>();
        List<ColumnAdvantages.Column> cols = new ArrayList<>();
        Map<Integer, StepStats> stats = new LinkedHashMap<>();
        double[] edges = Histogram.linearEdges(-h.logRatioRange(), h.logRatioRange(), h.histBuckets());
        List<int[]> perms = new ArrayList<>();
        for (StepSlice s : slices) {
            ColumnAdvantages.Column c = ColumnAdvantages.of(s.rewards(), s.groupKeys(), method.globalStd(), h.advClipMax());
            cols.add(c);
            advs.add(c.advantages());
            stats.put(s.step(), new StepStats(s.step(), edges));
            int[] perm = permutation(s.rows(), rng);
            // one minibatch: keep rollout order (the draw still happens, so seeds give the same runs), which lets
            // a replay of the captured batch reproduce the step's gradient bit for bit
            perms.add(h.minibatches() == 1 ? identity(s.rows()) : perm);
        }
        trace = new FlowTrace(batch, trainedSteps, advs, h);
        layerNorms.clear();
        double normSum = 0;
        double normMax = 0;
        double lossSum = 0;
        int updates0 = 0;
        for (int e = 0; e < h.epochs(); e++) {
            for (int mb = 0; mb < h.minibatches(); mb++) {
                FlowGradients.Sum sum = minibatch(b, slices, advs, perms, stats, mb, trainedSteps, h, e == 0,
                        applyUpdate);
                if (sum != null && sum.finite()) {
                    normSum += sum.norm();
                    normMax = Math.max(normMax, sum.norm());
                    lossSum += sum.loss();
                    updates0++;
                }
            }
        }
        int updates = updates0;
        b.scalar("grad/norm", updates == 0 ? Double.NaN : normSum / updates);
        b.scalar("grad/norm_max", normMax);
        b.scalar("loss/total", updates == 0 ? Double.NaN : lossSum / updates);
        FlowMetrics.writeSteps(b, stats, cols, slices, method, schedule, trainedSteps);
        layerNorms.forEach((layer, sum) -> b.layerNorm(layer, updates == 0 ? 0 : sum / updates));
        if (!applyUpdate) {
            b.event(RunEvent.of(b.step(), EventType.SKIP, "batch of step " + b.step()
                    + " skipped: scored and differentiated, no optimizer step"));
        }
    }

    /** The per-row values of the last update's first epoch, for batch capture; null before the first update. */
    FlowTrace lastTrace() {
        return trace;
    }

    /** Returns the minibatch's gradient (applied when finite), or null when it had no rows. */
    private FlowGradients.Sum minibatch(StepRecord.Builder b, List<StepSlice> slices, List<float[]> advs,
                                        List<int[]> perms, Map<Integer, StepStats> stats, int mb,
                                        int[] trainedSteps, Hyper h, boolean firstEpoch, boolean applyUpdate) {
        List<NDArray> params = policy.parameters();
        try (NDManager sm = manager.newSubManager()) {
            FlowGradients.Sum sum = FlowGradients.accumulate(sm, loss, params, slices, advs,
                    i -> chunk(perms.get(i), mb, h.minibatches()), trainedSteps, h, t -> {
                        FlowLoss.Result r = t.result();
                        StepStats st = stats.get(slices.get(t.slice()).step());
                        st.addRows(r.logRatio(), r.rawLogRatio(), FlowArrays.pick(advs.get(t.slice()), t.rows()),
                                h.clipLow(), h.clipHigh());
                        st.addBatch(r.policyLoss(), r.kl(), t.ownNorm());
                        if (firstEpoch) {
                            trace.add(t);
                        }
                    });
            if (sum.grads() == null) {
                return null;
            }
            boolean ok = sum.finite() && Double.isFinite(sum.norm());
            if (ok) {
                FlowGradients.layerNorms(sum.grads(), policy.parameterLayers())
                        .forEach((layer, n) -> layerNorms.merge(layer, n, Double::sum));
                if (applyUpdate) {
                    adam.step(sm, params, sum.grads(), h.lr(), h.gradClip());
                }
            } else {
                b.event(RunEvent.of(b.step(), EventType.NON_FINITE,
                        "non-finite flow loss or gradient in minibatch " + mb + "; update skipped"));
            }
            FlowAdam.zeroGrads(sm, params, ok);
            return new FlowGradients.Sum(sum.grads(), sum.loss(), ok);
        }
    }

    static int[] chunk(int[] perm, int mb, int m) {
        int lo = (int) ((long) perm.length * mb / m);
        int hi = (int) ((long) perm.length * (mb + 1) / m);
        return java.util.Arrays.copyOfRange(perm, lo, hi);
    }

    private static int[] identity(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
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
