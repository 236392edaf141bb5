package io.grposcope.core.algo.spi.flow;

/**
 * All rollout transitions taken at denoising step k that will be trained: the state x_k, the sampled x_{k+1},
 * the behaviour SDE mean μ_old and log p_old, the prompt, the reward the transition led to, and the grouping key
 * for advantage normalisation (prompt, or prompt × seed). Row i of every array is one transition.
 */
public record StepSlice(int step, float[][] x, float[][] next, float[][] oldMean, float[] oldLogProb, int[] prompts,
                        float[] rewards, long[] groupKeys) {

    public StepSlice {
        int n = x.length;
        if (next.length != n || oldMean.length != n || oldLogProb.length != n || prompts.length != n
                || rewards.length != n || groupKeys.length != n) {
            throw new IllegalArgumentException("step slice " + step + ": arrays disagree on row count " + n);
        }
    }

    public int rows() {
        return x.length;
    }
}
