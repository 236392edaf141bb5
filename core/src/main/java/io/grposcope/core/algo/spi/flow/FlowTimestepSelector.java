package io.grposcope.core.algo.spi.flow;

import java.util.Random;

/** Hook 8 (selection): which denoising steps are trained this rollout. Default: the first ⌊N·fraction⌋ steps. */
@FunctionalInterface
public interface FlowTimestepSelector {
    FlowTimestepSelector FRACTION = (schedule, fraction, rng) -> schedule.trainedSteps(fraction);

    int[] select(FlowSchedule schedule, double fraction, Random rng);

    /**
     * The steps trained at GRPO step {@code grpoStep} (0-based: the number of GRPO steps already done). A selector
     * whose choice moves with training (MixGRPO's sliding window) overrides this, so the choice is a function of the
     * step index and the run's RNG only, and checkpoints, rollbacks and replays see the same window. The default
     * ignores the index.
     */
    default int[] select(FlowSchedule schedule, double fraction, long grpoStep, Random rng) {
        return select(schedule, fraction, rng);
    }

    /**
     * Flow-GRPO-Fast: a window of {@code size} steps whose start is drawn uniformly from {lo, …, hi − size}
     * once per rollout batch.
     */
    static FlowTimestepSelector window(int size, int lo, int hi) {
        if (size < 1 || lo < 0 || hi - size < lo) {
            throw new IllegalArgumentException("SDE window of size " + size + " does not fit the range [" + lo + ", "
                    + hi + "]");
        }
        return (schedule, fraction, rng) -> schedule.window(lo + rng.nextInt(hi - size - lo + 1), size);
    }
}
