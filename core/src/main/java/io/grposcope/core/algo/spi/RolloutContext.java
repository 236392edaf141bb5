package io.grposcope.core.algo.spi;

/**
 * What a {@link RewardShaper} may read besides the rewards, row by row in the rewards' order: completion lengths
 * |o_i| (tokens that count, EOS included), whether each completion hit the generation limit without EOS, and that
 * limit (the run's max new tokens, DAPO's L_max).
 */
public record RolloutContext(int[] lengths, boolean[] truncated, int maxNewTokens) {

    public RolloutContext {
        if (lengths == null || truncated == null || lengths.length != truncated.length) {
            throw new IllegalArgumentException("rollout context needs one length and one truncation flag per row");
        }
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("max new tokens must be >= 1, got " + maxNewTokens);
        }
    }

    public int rows() {
        return lengths.length;
    }
}
