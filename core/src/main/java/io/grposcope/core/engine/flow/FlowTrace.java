package io.grposcope.core.engine.flow;

import io.grposcope.core.algo.spi.flow.FlowBatch;
import java.util.Arrays;
import java.util.List;

/**
 * What one GRPO update of a flow run saw, row by row, kept for batch capture: the rollout batch, the trained
 * steps, each step's column advantages and, from the first epoch, each transition's log-ratio (as the clip saw
 * it, and raw) and KL-to-reference term, plus the settings of the update. Arrays are indexed [slice][row];
 * plain values only, owned by this object.
 */
public final class FlowTrace {
    private final FlowBatch batch;
    private final int[] trainedSteps;
    private final List<float[]> advantages;
    private final FlowUpdate.Hyper hyper;
    private final float[][] logRatio;
    private final float[][] rawLogRatio;
    private final float[][] rowKl;

    FlowTrace(FlowBatch batch, int[] trainedSteps, List<float[]> advantages, FlowUpdate.Hyper hyper) {
        this.batch = batch;
        this.trainedSteps = trainedSteps.clone();
        this.advantages = List.copyOf(advantages);
        this.hyper = hyper;
        int n = batch.slices().size();
        logRatio = new float[n][];
        rawLogRatio = new float[n][];
        rowKl = new float[n][];
        for (int i = 0; i < n; i++) {
            int rows = batch.slices().get(i).rows();
            logRatio[i] = nan(rows);
            rawLogRatio[i] = nan(rows);
            rowKl[i] = nan(rows);
        }
    }

    private static float[] nan(int n) {
        float[] a = new float[n];
        Arrays.fill(a, Float.NaN);
        return a;
    }

    void add(FlowGradients.Term t) {
        FlowLoss.Result r = t.result();
        for (int j = 0; j < t.rows().length; j++) {
            int row = t.rows()[j];
            logRatio[t.slice()][row] = r.logRatio()[j];
            rawLogRatio[t.slice()][row] = r.rawLogRatio()[j];
            rowKl[t.slice()][row] = r.rowKl()[j];
        }
    }

    public FlowBatch batch() {
        return batch;
    }

    public int[] trainedSteps() {
        return trainedSteps.clone();
    }

    /** Column advantages of slice i (one per row). */
    public float[] advantages(int slice) {
        return advantages.get(slice);
    }

    /** log w of row {@code row} at slice {@code slice} after the method's ratio transform and the ±20 clamp. */
    public float logRatio(int slice, int row) {
        return logRatio[slice][row];
    }

    public float rawLogRatio(int slice, int row) {
        return rawLogRatio[slice][row];
    }

    /** The row's KL-to-reference term mean_dims(μ_θ − μ_ref)² / (2·denominator). */
    public float kl(int slice, int row) {
        return rowKl[slice][row];
    }

    public double clipLow() {
        return hyper.clipLow();
    }

    public double clipHigh() {
        return hyper.clipHigh();
    }

    public double klBeta() {
        return hyper.klBeta();
    }

    public int minibatches() {
        return hyper.minibatches();
    }

    public int epochs() {
        return hyper.epochs();
    }
}
