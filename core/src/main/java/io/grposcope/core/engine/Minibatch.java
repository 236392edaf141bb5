package io.grposcope.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.grposcope.core.algo.GroupIndex;
import io.grposcope.core.algo.spi.ClipBounds;
import io.grposcope.core.algo.spi.LossInputs;
import io.grposcope.core.algo.spi.LossSettings;
import io.grposcope.core.algo.spi.LossTerms;
import io.grposcope.core.algo.spi.Method;
import io.grposcope.core.policy.token.TransformerLM;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forward + backward of the method's loss on one minibatch of a {@link TokenBatch}, leaving the gradients in the
 * parameters (the caller reads, applies or discards them). Everything it creates lives in the given manager; what
 * it reports is copied out as plain Java values.
 */
final class Minibatch {

    /** Plain results of one pass: loss, method metrics, and per-token ℓ, w, log w, H and clip state. */
    record Result(double loss, Map<String, Double> metrics, float[][] logProbs, float[][] ratio, float[][] logRatio,
                  float[][] entropy, byte[][] clipState) {
    }

    private Minibatch() {
    }

    static Result run(NDManager mm, TransformerLM policy, Method method, TokenBatch mb, LossSettings settings,
                      double temperature, boolean withMetrics) {
        NDArray mask = SequenceScorer.create(mm, mb.mask());
        NDArray adv = SequenceScorer.create(mm, broadcast(mb.advantages(), mb.mask()));
        NDArray old = SequenceScorer.create(mm, mb.oldLogProbs());
        NDArray ref = mb.refLogProbs() == null ? null : SequenceScorer.create(mm, mb.refLogProbs());
        GroupIndex groups = GroupIndex.ofIds(mb.groupIds());
        Object[] out = new Object[2];
        Autograd.withCollector(gc -> {
            NDArray[] lp = SequenceScorer.score(policy, mm, mb.tokens(), mb.promptLength(), temperature, true);
            LossInputs in = new LossInputs(lp[0], old, ref, mask, adv, lp[1], groups);
            LossTerms terms = method.loss(in, settings);
            gc.backward(terms.total());
            out[0] = in;
            out[1] = terms;
            return null;
        });
        LossInputs in = (LossInputs) out[0];
        LossTerms terms = (LossTerms) out[1];
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (withMetrics) {
            method.emitMetrics(in, terms, settings, metrics::put);
        }
        NDArray ratio = terms.ratio().ratio().broadcast(mask.getShape());
        NDArray logRatio = terms.ratio().logRatio().broadcast(mask.getShape());
        float[][] w = SequenceScorer.rows(ratio);
        double loss = terms.total().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
        return new Result(loss, metrics, SequenceScorer.rows(in.logProbs()), w,
                SequenceScorer.rows(logRatio), SequenceScorer.rows(in.entropy()),
                clipStates(w, mb.advantages(), mb.mask(), settings.clip()));
    }

    /** A_i copied to every counted token of row i (0 elsewhere). */
    static float[][] broadcast(float[] perRow, float[][] mask) {
        float[][] out = new float[mask.length][mask[0].length];
        for (int i = 0; i < out.length; i++) {
            for (int t = 0; t < out[i].length; t++) {
                out[i][t] = perRow[i] * mask[i][t];
            }
        }
        return out;
    }

    /** Per token: 1 high clip, 2 low clip, 3 dual clip, 0 none (see {@link TokenBatch#clipState()}). */
    static byte[][] clipStates(float[][] ratio, float[] adv, float[][] mask, ClipBounds b) {
        byte[][] s = new byte[ratio.length][ratio[0].length];
        for (int i = 0; i < s.length; i++) {
            for (int t = 0; t < s[i].length; t++) {
                double w = ratio[i][t];
                if (mask[i][t] == 0) {
                    continue;
                }
                if (adv[i] > 0 && w > 1 + b.high()) {
                    s[i][t] = 1;
                } else if (adv[i] < 0 && b.dualClipOn() && w > b.dualC()) {
                    s[i][t] = 3;
                } else if (adv[i] < 0 && w < 1 - b.low()) {
                    s[i][t] = 2;
                }
            }
        }
        return s;
    }
}
