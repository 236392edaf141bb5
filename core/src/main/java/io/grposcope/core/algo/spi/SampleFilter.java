package io.grposcope.core.algo.spi;

import io.grposcope.core.algo.GroupIndex;

/**
 * Hook 3a: after rollout and rewards, which rows to train on (DAPO dynamic sampling drops all-equal groups).
 * Returns row indices in increasing order; an empty result asks the engine to sample again or skip the step.
 */
@FunctionalInterface
public interface SampleFilter {

    int[] keep(double[] rewards, GroupIndex groups);

    /**
     * Dynamic sampling's refill (DAPO, verl recipe): empty (the default) means filter only, train on what is kept.
     * A value n asks the token engine to generate further rounds of prompts until it has kept as many groups as one
     * round samples, failing the step after n rounds; n &lt;= 0 means no limit.
     */
    default java.util.OptionalInt refillRounds() {
        return java.util.OptionalInt.empty();
    }

    /** Vanilla GRPO keeps every row. */
    static SampleFilter keepAll() {
        return (rewards, groups) -> {
            int[] all = new int[rewards.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        };
    }

    /**
     * DAPO dynamic sampling (methods-spec §2.3): keep a group iff its rewards are not all equal (population std
     * &gt; 0) or it has a single sample; rows of all-equal groups carry no policy gradient.
     */
    static SampleFilter dropFlatGroups() {
        return (rewards, groups) -> {
            java.util.List<Integer> kept = new java.util.ArrayList<>();
            for (int row = 0; row < rewards.length; row++) {
                int[] members = groups.members(groups.groupOf(row));
                boolean flat = members.length > 1;
                for (int m : members) {
                    flat &= rewards[m] == rewards[members[0]];
                }
                if (!flat) {
                    kept.add(row);
                }
            }
            return kept.stream().mapToInt(Integer::intValue).toArray();
        };
    }
}
