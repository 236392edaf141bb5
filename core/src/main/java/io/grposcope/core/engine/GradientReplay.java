package io.grposcope.core.engine;

import ai.djl.ndarray.NDManager;
import io.grposcope.core.algo.spi.LossSettings;

import java.util.Map;

/**
 * What-if replay: the loss and gradients of a recorded batch under chosen settings and the current weights, with
 * the gradients discarded afterwards so training is unaffected. Per-sample norms treat each row as its own
 * minibatch (the gradient that row alone would give), which is what attribution of a spike needs.
 */
public final class GradientReplay {

    /**
     * @param perSampleNorms global gradient norm of each row alone, or null when not asked
     * @param metrics        the method's metrics for the batch (clip fractions, KL to old, loss terms)
     */
    public record Report(double loss, double globalNorm, Map<String, Double> layerNorms, double[] perSampleNorms,
                         Map<String, Double> metrics) {
    }

    private GradientReplay() {
    }

    static Report run(TokenRunParts parts, TokenBatch batch, LossSettings settings, double temperature,
                      boolean perSample) {
        try (NDManager sm = parts.runManager().newSubManager()) {
            Minibatch.Result res = Minibatch.run(sm, parts.policy(), parts.method(), batch, settings, temperature, true);
            Gradients g = Gradients.read(sm, parts.policy().parameters());
            double norm = g.globalNorm();
            Map<String, Double> layers = g.layerNorms(parts.policy().parameters());
            g.zero();
            double[] rows = perSample ? perRow(parts, batch, settings, temperature) : null;
            return new Report(res.loss(), norm, layers, rows, res.metrics());
        }
    }

    private static double[] perRow(TokenRunParts parts, TokenBatch batch, LossSettings settings, double temperature) {
        double[] out = new double[batch.rows()];
        for (int i = 0; i < out.length; i++) {
            try (NDManager rm = parts.runManager().newSubManager()) {
                Minibatch.run(rm, parts.policy(), parts.method(), batch.select(new int[] {i}), settings,
                        temperature, false);
                Gradients g = Gradients.read(rm, parts.policy().parameters());
                out[i] = g.globalNorm();
                g.zero();
            }
        }
        return out;
    }
}
