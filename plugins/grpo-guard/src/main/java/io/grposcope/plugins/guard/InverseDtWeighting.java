package io.grposcope.plugins.guard;

import io.grposcope.core.algo.spi.flow.FlowSchedule;
import io.grposcope.core.algo.spi.flow.FlowStepWeighting;

/**
 * GRPO-Guard's gradient reweighting (methods-spec §3.3, as in verl-omni): step k's loss is divided by Δt_k, because
 * ∇μ_θ ∝ Δt_k·∇v_θ; optionally rescaled so the trained steps' weights average 1 (the relative weights stay 1/Δt).
 */
public record InverseDtWeighting(boolean normalize) implements FlowStepWeighting {

    @Override
    public double weight(int step, FlowSchedule schedule, int[] trainedSteps) {
        double w = 1.0 / schedule.deltaT(step);
        if (!normalize) {
            return w;
        }
        double mean = 0;
        for (int k : trainedSteps) {
            mean += 1.0 / schedule.deltaT(k) / trainedSteps.length;
        }
        return w / mean;
    }
}
