package io.grposcope.plugins.dapo;

import io.grposcope.core.algo.GroupIndex;
import io.grposcope.core.algo.spi.SampleFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * DAPO dynamic sampling (Yu et al. 2025, methods-spec §2.3 item 2, verl recipe): keep a group iff the population
 * std of its rewards is &gt; 0 or it has one sample, and ask the engine to refill the batch for up to
 * max_gen_batches generation rounds (&lt;= 0: no limit).
 */
final class FlatGroupFilter implements SampleFilter {

    private final int maxGenBatches;

    FlatGroupFilter(int maxGenBatches) {
        this.maxGenBatches = maxGenBatches;
    }

    /** Population std of {@code v} (divide by n); exactly 0 when all values are equal. */
    static double populationStd(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double ss = 0;
        boolean equal = true;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
            equal &= x == v[0];
        }
        // equal values can leave a rounding residue in the mean; their std is 0 by definition
        return equal ? 0.0 : Math.sqrt(ss / v.length);
    }

    @Override
    public int[] keep(double[] rewards, GroupIndex groups) {
        List<Integer> kept = new ArrayList<>();
        for (int row = 0; row < rewards.length; row++) {
            int[] members = groups.members(groups.groupOf(row));
            double[] r = new double[members.length];
            for (int k = 0; k < members.length; k++) {
                r[k] = rewards[members[k]];
            }
            if (members.length == 1 || populationStd(r) > 0) {
                kept.add(row);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public OptionalInt refillRounds() {
        return OptionalInt.of(maxGenBatches);
    }
}
