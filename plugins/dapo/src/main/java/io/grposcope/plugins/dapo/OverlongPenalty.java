package io.grposcope.plugins.dapo;

import ai.djl.ndarray.NDArray;
import io.grposcope.core.algo.GroupIndex;
import io.grposcope.core.algo.spi.RewardShaper;
import io.grposcope.core.algo.spi.RolloutContext;

/**
 * DAPO soft overlong punishment (Yu et al. 2025, methods-spec §2.3 item 4), added to the task reward:
 * R_len(y) = min(penalty_factor · ((L_max − L_cache) − |y|) / L_cache, 0) for |y| ≤ L_max and −penalty_factor
 * beyond, with L_max the run's max new tokens and L_cache the buffer before it.
 */
final class OverlongPenalty implements RewardShaper {

    private final int cache;
    private final double factor;

    OverlongPenalty(int cache, double factor) {
        if (cache < 1) {
            throw new IllegalArgumentException("overlong buffer l_cache must be >= 1, got " + cache);
        }
        this.cache = cache;
        this.factor = factor;
    }

    /** R_len for one completion of {@code length} tokens. */
    static double penalty(int length, int maxLength, int cache, double factor) {
        if (cache > maxLength) {
            throw new IllegalArgumentException("DAPO overlong buffer l_cache = " + cache
                    + " is larger than the run's max new tokens (L_max = " + maxLength + "); lower l_cache");
        }
        if (length > maxLength) {
            return -factor;
        }
        int expected = maxLength - cache;
        return Math.min(factor * (expected - length) / cache, 0.0);
    }

    /** Without lengths there is nothing to punish: rewards pass through (the token engine passes a context). */
    @Override
    public NDArray shape(NDArray rewards, GroupIndex groups) {
        return rewards;
    }

    @Override
    public NDArray shape(NDArray rewards, GroupIndex groups, RolloutContext context) {
        if (context.rows() != rewards.size()) {
            throw new IllegalArgumentException("overlong penalty: " + context.rows() + " lengths for "
                    + rewards.size() + " rewards");
        }
        double[] pen = new double[context.rows()];
        for (int i = 0; i < pen.length; i++) {
            pen[i] = penalty(context.lengths()[i], context.maxNewTokens(), cache, factor);
        }
        return rewards.add(rewards.getManager().create(pen).toType(rewards.getDataType(), false));
    }
}
