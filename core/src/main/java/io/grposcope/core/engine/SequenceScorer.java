package io.grposcope.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.grposcope.core.policy.token.TransformerLM;

/**
 * Per-token log-probs ℓ_{i,t} and entropies H_{i,t} = −Σ_v p_v log p_v (methods-spec §1.6) of the completion
 * tokens of full sequences, under logits divided by the sampling temperature (as TRL and verl do), in one forward.
 */
final class SequenceScorer {

    private SequenceScorer() {
    }

    /** Log-probs (B, N) and entropies (B, N) of tokens[:, P:] given tokens[:, :P+N−1]; entropy null if not asked. */
    static NDArray[] score(TransformerLM model, NDManager sm, int[][] tokens, int promptLength, double temperature,
                           boolean withEntropy) {
        int b = tokens.length;
        int len = tokens[0].length;
        int n = len - promptLength;
        long[] in = new long[b * (len - 1)];
        long[] target = new long[b * n];
        for (int i = 0; i < b; i++) {
            for (int t = 0; t < len - 1; t++) {
                in[i * (len - 1) + t] = tokens[i][t];
            }
            for (int t = 0; t < n; t++) {
                target[i * n + t] = tokens[i][promptLength + t];
            }
        }
        NDArray logits = model.logits(sm, TransformerLM.tokens(sm, in, b))
                .get(new NDIndex(":, {}:, :", promptLength - 1));
        if (temperature > 0 && temperature != 1.0) {
            logits = logits.div(temperature);
        }
        NDArray lp = logits.logSoftmax(-1);
        NDArray idx = sm.create(target, new Shape(b, n, 1)).toType(DataType.INT64, false);
        NDArray logp = lp.gather(idx, 2).reshape(b, n);
        NDArray entropy = withEntropy ? lp.exp().mul(lp).sum(new int[] {2}).neg() : null;
        return new NDArray[] {logp, entropy};
    }

    /** Rows of a float (B, N) array. */
    static float[][] rows(NDArray a) {
        int b = (int) a.getShape().get(0);
        int n = (int) a.getShape().get(1);
        float[] flat = a.toType(DataType.FLOAT32, false).toFloatArray();
        float[][] out = new float[b][n];
        for (int i = 0; i < b; i++) {
            System.arraycopy(flat, i * n, out[i], 0, n);
        }
        return out;
    }

    /** A (B, N) float array of the given rows. */
    static NDArray create(NDManager sm, float[][] rows) {
        int b = rows.length;
        int n = rows[0].length;
        float[] flat = new float[b * n];
        for (int i = 0; i < b; i++) {
            System.arraycopy(rows[i], 0, flat, i * n, n);
        }
        return sm.create(flat, new Shape(b, n));
    }
}
