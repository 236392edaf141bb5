package io.grposcope.core.debug;

import io.grposcope.core.engine.TokenBatch;
import io.grposcope.core.task.CharTokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Converts the token trainer's {@link TokenBatch} into a {@link BatchCapture} and back. Only counted completion
 * tokens are kept per sample; rebuilding pads with EOS as the sampler does, so the round trip gives the batch the
 * loss saw (tokens, mask, advantages, ℓ^old, ℓ^ref) exactly.
 */
public final class TokenCaptures {

    /** Capture parameter holding the batch's completion positions N, so a rebuilt batch has the same shape. */
    public static final String POSITIONS = "completion_positions";

    private TokenCaptures() {
    }

    public static BatchCapture capture(TokenBatch b, long step, String methodId, Map<String, Double> params,
                                       double loss, double gradNorm, Map<String, Double> layerNorms) {
        List<CapturedSample> samples = new ArrayList<>(b.rows());
        for (int i = 0; i < b.rows(); i++) {
            samples.add(sample(b, i));
        }
        Map<String, Double> p = new java.util.LinkedHashMap<>(params);
        p.put(POSITIONS, (double) b.completionLength());
        return new BatchCapture(step, BatchCapture.KIND_TOKEN, methodId, p, loss, gradNorm, layerNorms, samples);
    }

    private static CapturedSample sample(TokenBatch b, int i) {
        int n = b.length(i);
        int pl = b.promptLength();
        int[] prompt = Arrays.copyOf(b.tokens()[i], pl);
        int[] resp = Arrays.copyOfRange(b.tokens()[i], pl, pl + n);
        String[] text = new String[n];
        for (int t = 0; t < n; t++) {
            text[t] = resp[t] == CharTokenizer.EOS ? "<eos>" : CharTokenizer.decode(resp, t, t + 1);
        }
        byte[] clip = b.clipState() == null ? new byte[n] : Arrays.copyOf(b.clipState()[i], n);
        return new CapturedSample(i, b.groupIds()[i], b.prompts()[i], b.completions()[i], prompt, resp, text,
                b.rewards()[i], b.advantages()[i], row(b.logProbs(), i, n), row(b.oldLogProbs(), i, n),
                row(b.refLogProbs(), i, n), ratioRow(b.ratio(), i, n), row(b.entropy(), i, n), clip);
    }

    private static float[] row(float[][] a, int i, int n) {
        if (a == null) {
            float[] nan = new float[n];
            Arrays.fill(nan, Float.NaN);
            return nan;
        }
        return Arrays.copyOf(a[i], n);
    }

    // Before an update pass the ratio is 1 by definition (ℓ = ℓ^old).
    private static float[] ratioRow(float[][] a, int i, int n) {
        if (a == null) {
            float[] one = new float[n];
            Arrays.fill(one, 1f);
            return one;
        }
        return Arrays.copyOf(a[i], n);
    }

    /** The batch the loss needs, rebuilt from a capture (completion positions = the longest sample). */
    public static TokenBatch batch(BatchCapture c) {
        List<CapturedSample> s = c.samples();
        int b = s.size();
        int pl = s.get(0).promptTokens().length;
        int longest = Math.max(1, s.stream().mapToInt(CapturedSample::length).max().orElse(1));
        int n = Double.isNaN(c.param(POSITIONS)) ? longest : Math.max(longest, (int) c.param(POSITIONS));
        int[][] tokens = new int[b][pl + n];
        float[][] mask = new float[b][n];
        float[][] old = new float[b][n];
        float[][] ref = hasRef(c) ? new float[b][n] : null;
        String[] prompts = new String[b];
        String[] completions = new String[b];
        double[] rewards = new double[b];
        boolean[] correct = new boolean[b];
        int[] groups = new int[b];
        float[] adv = new float[b];
        for (int i = 0; i < b; i++) {
            CapturedSample x = s.get(i);
            Arrays.fill(tokens[i], CharTokenizer.EOS);
            System.arraycopy(x.promptTokens(), 0, tokens[i], 0, pl);
            System.arraycopy(x.responseTokens(), 0, tokens[i], pl, x.length());
            Arrays.fill(mask[i], 0, x.length(), 1f);
            System.arraycopy(x.oldLogp(), 0, old[i], 0, x.length());
            if (ref != null) {
                System.arraycopy(x.refLogp(), 0, ref[i], 0, x.length());
            }
            prompts[i] = x.prompt();
            completions[i] = x.completion();
            rewards[i] = x.reward();
            correct[i] = x.reward() > 0;
            groups[i] = x.groupId();
            adv[i] = (float) x.advantage();
        }
        return new TokenBatch(pl, tokens, mask, prompts, completions, rewards, correct, groups, adv, old, ref, null,
                null, null, null);
    }

    private static boolean hasRef(BatchCapture c) {
        return c.samples().stream().allMatch(x -> x.length() == 0 || !Float.isNaN(x.refLogp()[0]));
    }
}
