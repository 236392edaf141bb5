package io.grposcope.core.engine.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.grposcope.core.algo.spi.flow.ColumnAdvantages;
import io.grposcope.core.algo.spi.flow.FlowBatch;
import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.StepSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What-if replay of a flow rollout: the objective's loss and gradient on the whole batch (one minibatch, rows in
 * rollout order, as a one-minibatch update computes it) under some method and settings, from the current weights;
 * optionally each row alone, with its per-timestep split. Gradients are zeroed afterwards; nothing else changes.
 */
public final class FlowReplay {

    /**
     * @param stepNorms        each trained step's own gradient norm on the whole batch (slice order)
     * @param sampleNorms      each row's gradient norm when it is the only row (null unless asked)
     * @param sampleStepNorms  [row][slice]: that row's per-step own norms (null unless asked)
     */
    public record Report(double loss, double globalNorm, Map<String, Double> layerNorms, int[] steps,
                         double[] stepNorms, double[] sampleNorms, double[][] sampleStepNorms) {
    }

    /** The settings a replay changes; the rest (KL denominator, adv. clip, grad clip) stay the run's. */
    public record Settings(FlowMethod method, double clipLow, double clipHigh, double klBeta, Set<Integer> excludedRows) {
    }

    private FlowReplay() {
    }

    static Report run(NDManager manager, FlowLoss loss, List<NDArray> params, List<String> layers, FlowBatch batch,
                      int[] trainedSteps, Settings s, FlowUpdate.Hyper h, boolean perSample) {
        List<StepSlice> slices = batch.slices();
        List<float[]> advs = new ArrayList<>();
        for (StepSlice slice : slices) {
            advs.add(ColumnAdvantages.of(slice.rewards(), slice.groupKeys(), s.method().globalStd(), h.advClipMax())
                    .advantages());
        }
        int[] steps = slices.stream().mapToInt(StepSlice::step).toArray();
        int rows = slices.isEmpty() ? 0 : slices.get(0).rows();
        int[] kept = IntStream.range(0, rows).filter(i -> !s.excludedRows().contains(i)).toArray();
        try (NDManager sm = manager.newSubManager()) {
            double[] stepNorms = new double[slices.size()];
            FlowGradients.Sum all = FlowGradients.accumulate(sm, loss, params, slices, advs, i -> kept, trainedSteps,
                    h, t -> stepNorms[t.slice()] = t.ownNorm());
            Map<String, Double> layerNorms = all.grads() == null ? Map.of()
                    : FlowGradients.layerNorms(all.grads(), layers);
            FlowAdam.zeroGrads(sm, params, all.finite());
            double[] sampleNorms = perSample ? new double[rows] : null;
            double[][] sampleStep = perSample ? new double[rows][slices.size()] : null;
            for (int r : perSample ? kept : new int[0]) {
                int[] one = {r};
                try (NDManager rm = sm.newSubManager()) {
                    FlowGradients.Sum own = FlowGradients.accumulate(rm, loss, params, slices, advs, i -> one,
                            trainedSteps, h, t -> sampleStep[r][t.slice()] = t.ownNorm());
                    sampleNorms[r] = own.finite() ? own.norm() : Double.NaN;
                    FlowAdam.zeroGrads(rm, params, own.finite());
                }
            }
            return new Report(all.loss(), all.finite() ? all.norm() : Double.NaN, layerNorms, steps, stepNorms,
                    sampleNorms, sampleStep);
        }
    }
}
