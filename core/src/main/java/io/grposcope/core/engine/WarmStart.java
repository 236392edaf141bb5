package io.grposcope.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.StepRecord;
import io.grposcope.core.policy.token.TransformerLM;
import io.grposcope.core.task.CharTokenizer;
import io.grposcope.core.task.TokenTask;

/**
 * Supervised warm start: teacher-forced cross-entropy −mean_t log π(y_t | prompt, y_&lt;t) on generated correct
 * solutions (answer tokens and EOS only), so that GRPO starts from a policy that is sometimes right.
 */
final class WarmStart {

    private WarmStart() {
    }

    /** One supervised step on a fresh batch; fills the record with warm_start/* metrics. */
    static StepRecord step(long step, TokenTask task, TransformerLM model, Adam adam, Rng rng, NDManager runManager,
                           int batchSize, double lr, double gradClip) {
        long t0 = System.nanoTime();
        int p = 1 + task.promptLength();
        int len = p + task.maxSolutionLength() + 1;
        int[][] tokens = new int[batchSize][len];
        float[][] mask = new float[batchSize][len - p];
        for (int i = 0; i < batchSize; i++) {
            TokenTask.Problem prob = task.sample(rng);
            String text = prob.prompt() + prob.solution();
            tokens[i][0] = CharTokenizer.BOS;
            int[] ids = CharTokenizer.encode(text);
            System.arraycopy(ids, 0, tokens[i], 1, ids.length);
            java.util.Arrays.fill(tokens[i], 1 + ids.length, len, CharTokenizer.EOS);
            for (int t = 0; t < prob.solution().length() + 1; t++) {
                mask[i][t] = 1f;
            }
        }
        StepRecord.Builder r = StepRecord.builder(step, StepRecord.PHASE_WARM_START);
        try (NDManager sm = runManager.newSubManager()) {
            NDArray m = SequenceScorer.create(sm, mask);
            double[] lossAcc = new double[2];
            Autograd.withCollector(gc -> {
                NDArray[] out = SequenceScorer.score(model, sm, tokens, p, 1.0, false);
                NDArray loss = out[0].mul(m).sum().div(m.sum()).neg();
                gc.backward(loss);
                lossAcc[0] = loss.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
                lossAcc[1] = out[0].exp().mul(m).sum().div(m.sum()).toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
                return null;
            });
            Gradients g = Gradients.read(sm, model.parameters());
            double norm = g.globalNorm();
            if (Double.isFinite(lossAcc[0]) && Double.isFinite(norm)) {
                adam.step(sm, model.parameters(), g.arrays(), lr, Gradients.clipCoefficient(norm, gradClip));
            } else {
                r.event(RunEvent.of(step, EventType.NON_FINITE, "warm start loss " + lossAcc[0] + ", grad norm "
                        + norm + ": update skipped"));
            }
            g.zero();
            r.scalar("warm_start/loss", lossAcc[0]).scalar("warm_start/target_prob", lossAcc[1])
                    .scalar("grad/norm", norm).scalar("lr", lr);
            g.layerNorms(model.parameters()).forEach(r::layerNorm);
        }
        r.scalar("timing_s/step", (System.nanoTime() - t0) / 1e9);
        return r.build();
    }
}
