package io.grposcope.plugins.tempflow;

import io.grposcope.core.algo.spi.flow.FlowSchedule;
import io.grposcope.core.algo.spi.flow.FlowStepWeighting;

/**
 * TempFlow-GRPO's noise-aware step weight (methods-spec §3.4): {@code w_k = τ_k / mean_{trained} τ} (average 1,
 * noisy early steps weigh more), or the code's constant form {@code c·τ_k} (c = 2.25 reproduces the SD3.5 repo).
 */
public record NoiseAwareWeighting(Double constant) implements FlowStepWeighting {

    /** τ_k / mean τ over the trained steps. */
    public static NoiseAwareWeighting relative() {
        return new NoiseAwareWeighting(null);
    }

    /** c·τ_k. */
    public static NoiseAwareWeighting constant(double c) {
        return new NoiseAwareWeighting(c);
    }

    @Override
    public double weight(int step, FlowSchedule schedule, int[] trainedSteps) {
        if (constant != null) {
            return constant * schedule.tau(step);
        }
        double mean = 0;
        for (int k : trainedSteps) {
            mean += schedule.tau(k) / trainedSteps.length;
        }
        return schedule.tau(step) / mean;
    }
}
