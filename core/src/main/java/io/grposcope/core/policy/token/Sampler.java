package io.grposcope.core.policy.token;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.grposcope.core.engine.IntraOpThreads;
import io.grposcope.core.engine.Rng;

/**
 * Autoregressive sampling with temperature, nucleus (top-p) truncation, a token limit and EOS. Each new token runs
 * in its own sub-manager (feasibility §2: one manager per batch peaks near 1 GB); the next-token choice is made in
 * Java from the copied-out logits with the run's {@link Rng}, which keeps runs reproducible and checkpointable.
 */
public final class Sampler {

    /** @param temperature 0 means greedy; {@code eos} ends a completion (it is part of it). */
    public record Settings(double temperature, double topP, int maxNewTokens, int eos) {
        public Settings {
            if (temperature < 0 || !(topP > 0 && topP <= 1) || maxNewTokens < 1) {
                throw new IllegalArgumentException("sampling needs temperature >= 0, 0 < top_p <= 1 and"
                        + " max_new_tokens >= 1, got " + this);
            }
        }
    }

    /**
     * @param tokens     generated ids, B × maxNewTokens; positions after EOS hold EOS
     * @param lengths    generated tokens per row, EOS included
     * @param terminated whether the row ended with EOS (false: cut at the limit)
     * @param logProbs   log-probs of the chosen tokens under the temperature-scaled distribution
     */
    public record Result(int[][] tokens, int[] lengths, boolean[] terminated, float[][] logProbs) {
        /** Longest generated row. */
        public int maxLength() {
            int m = 0;
            for (int l : lengths) {
                m = Math.max(m, l);
            }
            return m;
        }
    }

    private Sampler() {
    }

    /**
     * Samples one completion per prompt row (all prompts the same length) with a KV cache or without, on
     * {@link IntraOpThreads#SAMPLING} intra-op threads (both ways, so that they compute the same logits).
     */
    public static Result sample(TransformerLM model, NDManager parent, int[][] prompts, Settings s, Rng rng,
                                boolean useCache) {
        return IntraOpThreads.with(IntraOpThreads.SAMPLING, () -> run(model, parent, prompts, s, rng, useCache));
    }

    private static Result run(TransformerLM model, NDManager parent, int[][] prompts, Settings s, Rng rng,
                              boolean useCache) {
        int b = prompts.length;
        int p = prompts[0].length;
        int[][] seq = new int[b][p + s.maxNewTokens()];
        for (int i = 0; i < b; i++) {
            System.arraycopy(prompts[i], 0, seq[i], 0, p);
        }
        Result r = new Result(new int[b][s.maxNewTokens()], new int[b], new boolean[b], new float[b][s.maxNewTokens()]);
        KvCache cache = useCache ? new KvCache(parent, model.config(), b) : null;
        try {
            int vocab = model.config().vocab();
            float[] logits = nextLogits(model, parent, seq, 0, p, cache);
            for (int step = 0; step < s.maxNewTokens(); step++) {
                boolean allDone = true;
                for (int i = 0; i < b; i++) {
                    allDone &= choose(r, i, step, logits, i * vocab, vocab, s, rng, seq[i], p);
                }
                if (allDone || step == s.maxNewTokens() - 1) {
                    break;
                }
                logits = nextLogits(model, parent, seq, cache == null ? 0 : p + step, p + step + 1, cache);
            }
        } finally {
            if (cache != null) {
                cache.close();
            }
        }
        return r;
    }

    /** Logits (B·V) of the last of positions [from, to) of every row, computed in a throw-away sub-manager. */
    private static float[] nextLogits(TransformerLM model, NDManager parent, int[][] seq, int from, int to,
                                      KvCache cache) {
        int b = seq.length;
        long[] ids = new long[b * (to - from)];
        for (int i = 0; i < b; i++) {
            for (int t = from; t < to; t++) {
                ids[i * (to - from) + t - from] = seq[i][t];
            }
        }
        try (NDManager tm = parent.newSubManager()) {
            NDArray in = TransformerLM.tokens(tm, ids, b);
            if (cache != null) {
                return model.logitsCached(tm, in, cache).toFloatArray();
            }
            NDArray all = model.logits(tm, in);
            return all.get(new NDIndex(":, -1, :")).toFloatArray();
        }
    }

    /** Picks row i's token for this step; returns true when the row is (now or already) finished. */
    private static boolean choose(Result r, int i, int step, float[] logits, int off, int vocab, Settings s, Rng rng,
                                  int[] seq, int p) {
        if (step > 0 && r.tokens()[i][step - 1] == s.eos()) {
            r.tokens()[i][step] = s.eos();
            seq[p + step] = s.eos();
            return true;
        }
        double[] logp = logSoftmax(logits, off, vocab, s.temperature());
        int tok = s.temperature() == 0 ? argMax(logp) : draw(logp, s.topP(), rng);
        r.tokens()[i][step] = tok;
        r.logProbs()[i][step] = (float) logp[tok];
        r.lengths()[i] = step + 1;
        seq[p + step] = tok;
        if (tok == s.eos()) {
            r.terminated()[i] = true;
            return true;
        }
        return false;
    }

    static double[] logSoftmax(float[] z, int off, int n, double temperature) {
        double t = temperature == 0 ? 1 : temperature;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, z[off + j] / t);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += Math.exp(z[off + j] / t - max);
        }
        double lse = max + Math.log(sum);
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = z[off + j] / t - lse;
        }
        return out;
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) {
            if (v[j] > v[best]) {
                best = j;
            }
        }
        return best;
    }

    /** Draws from exp(logp) restricted to the smallest set of top tokens whose mass reaches topP. */
    private static int draw(double[] logp, double topP, Rng rng) {
        if (topP >= 1) {
            double u = rng.nextDouble();
            for (int j = 0; j < logp.length; j++) {
                u -= Math.exp(logp[j]);
                if (u < 0) {
                    return j;
                }
            }
            return argMax(logp);
        }
        Integer[] order = new Integer[logp.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, c) -> Double.compare(logp[c], logp[a]));
        double kept = 0;
        int n = 0;
        while (n < order.length && (n == 0 || kept < topP)) {
            kept += Math.exp(logp[order[n++]]);
        }
        double u = rng.nextDouble() * kept;
        for (int j = 0; j < n; j++) {
            u -= Math.exp(logp[order[j]]);
            if (u < 0) {
                return order[j];
            }
        }
        return order[n - 1];
    }
}
