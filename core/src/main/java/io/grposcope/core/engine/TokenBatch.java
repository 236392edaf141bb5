package io.grposcope.core.engine;

/**
 * One GRPO step's rollout batch and what training saw, as plain Java arrays (B rows, N completion positions), so
 * the debugger can show it, replay it with other settings ({@link TokenTrainer#recomputeGradients}) and attribute
 * a spike to samples. Row i's full sequence is {@code tokens[i]} = BOS, prompt, completion (padded with EOS).
 *
 * @param mask        1 for completion tokens that count (up to and including EOS)
 * @param advantages  per-row advantage A_i (broadcast to the row's tokens in the loss)
 * @param oldLogProbs ℓ^old per token (rollout policy, recomputed by a full forward pass before updating)
 * @param refLogProbs ℓ^ref per token, or null before a reference exists
 * @param logProbs    ℓ of the last update pass (null until trained), likewise {@code ratio}
 * @param entropy     H per token under the rollout (old) policy, as verl reports it
 * @param clipState   per token: 0 none, 1 high clip (A&gt;0, w&gt;1+ε_high), 2 low clip (A&lt;0, w&lt;1−ε_low),
 *                    3 dual clip (A&lt;0, w&gt;c); null until trained
 */
public record TokenBatch(int promptLength, int[][] tokens, float[][] mask, String[] prompts, String[] completions,
                         double[] rewards, boolean[] correct, int[] groupIds, float[] advantages,
                         float[][] oldLogProbs, float[][] refLogProbs, float[][] logProbs, float[][] ratio,
                         float[][] entropy, byte[][] clipState) {

    public int rows() {
        return tokens.length;
    }

    /** Completion positions N (the longest completion of the batch). */
    public int completionLength() {
        return mask[0].length;
    }

    /** Number of tokens that count, per row. */
    public int length(int row) {
        int n = 0;
        for (float m : mask[row]) {
            n += m != 0 ? 1 : 0;
        }
        return n;
    }

    /** Only the given rows, in the given order. */
    public TokenBatch select(int[] rows) {
        return new TokenBatch(promptLength, pick(tokens, rows), pick(mask, rows), pick(prompts, rows),
                pick(completions, rows), pickD(rewards, rows), pickB(correct, rows), pickI(groupIds, rows),
                pickF(advantages, rows), pick(oldLogProbs, rows), pick(refLogProbs, rows), pick(logProbs, rows),
                pick(ratio, rows), pick(entropy, rows), pick(clipState, rows));
    }

    /** The same batch with the results of an update pass. */
    public TokenBatch withTraining(float[][] lp, float[][] r, float[][] h, byte[][] clip) {
        return new TokenBatch(promptLength, tokens, mask, prompts, completions, rewards, correct, groupIds,
                advantages, oldLogProbs, refLogProbs, lp, r, h, clip);
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] pick(T[] a, int[] rows) {
        if (a == null) {
            return null;
        }
        T[] out = (T[]) java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), rows.length);
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    private static double[] pickD(double[] a, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    private static float[] pickF(float[] a, int[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    private static int[] pickI(int[] a, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    private static boolean[] pickB(boolean[] a, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    /**
     * Lengths and truncation (last counted token not EOS, as len/clip_ratio counts it) for a reward shaper; the
     * engine and the debugger's replays build it the same way.
     */
    public io.grposcope.core.algo.spi.RolloutContext rolloutContext(int maxNewTokens) {
        int[] len = new int[rows()];
        boolean[] truncated = new boolean[rows()];
        for (int i = 0; i < len.length; i++) {
            len[i] = length(i);
            truncated[i] = len[i] > 0
                    && tokens()[i][promptLength() + len[i] - 1] != io.grposcope.core.task.CharTokenizer.EOS;
        }
        return new io.grposcope.core.algo.spi.RolloutContext(len, truncated, maxNewTokens);
    }
}
