package io.grposcope.core.algo.spi;

/**
 * Hook 3b: before rollout, how many completions each prompt gets (Knapsack RL budgets, SPO's n = 1). The engine
 * passes what it knows about each prompt; flow-specific rollouts (trees, branches) live in {@code algo.spi.flow}.
 */
@FunctionalInterface
public interface RolloutStrategy {

    /**
     * @param passRates        last known success rate per prompt (NaN when unknown)
     * @param defaultGroupSize G from the run config
     * @return completions per prompt, each ≥ 1
     */
    int[] groupSizes(double[] passRates, int defaultGroupSize);

    /** Vanilla GRPO: G completions for every prompt. */
    static RolloutStrategy uniform() {
        return (passRates, g) -> {
            int[] n = new int[passRates.length];
            java.util.Arrays.fill(n, g);
            return n;
        };
    }
}
