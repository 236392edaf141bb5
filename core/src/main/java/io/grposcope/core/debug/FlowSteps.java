package io.grposcope.core.debug;

import java.util.Arrays;

/**
 * The flow-run part of a captured sample, one entry per trained denoising step j (in the order of the sample's
 * {@code responseTokens}, which hold the step indices k): the state x_k, the sampled x_{k+1}, the behaviour mean
 * μ_old, the reward and group key the transition was scored with (TempFlow scores every step's branch on its
 * own), its column advantage and KL-to-reference term. {@code finalPoint} is the trajectory's end point, or null
 * when a row is not one trajectory (TempFlow branches). Arrays are owned by the record.
 */
public record FlowSteps(float[][] x, float[][] next, float[][] oldMean, float[] rewards, long[] groupKeys,
                        float[] advantages, float[] kl, float[] finalPoint) {

    public FlowSteps {
        int n = x.length;
        if (next.length != n || oldMean.length != n || rewards.length != n || groupKeys.length != n
                || advantages.length != n || kl.length != n) {
            throw new IllegalArgumentException("captured flow sample: per-step arrays disagree on " + n + " steps");
        }
    }

    public int steps() {
        return x.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowSteps f && Arrays.deepEquals(x, f.x) && Arrays.deepEquals(next, f.next)
                && Arrays.deepEquals(oldMean, f.oldMean) && Arrays.equals(rewards, f.rewards)
                && Arrays.equals(groupKeys, f.groupKeys) && Arrays.equals(advantages, f.advantages)
                && Arrays.equals(kl, f.kl) && Arrays.equals(finalPoint, f.finalPoint);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(x) * 31 + Arrays.hashCode(rewards);
    }

    @Override
    public String toString() {
        return "FlowSteps[" + x.length + " steps]";
    }
}
