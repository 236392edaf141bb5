package io.grposcope.plugins.mixgrpo;

import io.grposcope.core.algo.spi.flow.FlowSchedule;
import io.grposcope.core.algo.spi.flow.FlowTimestepSelector;
import java.util.Random;

/**
 * MixGRPO's trained steps (methods-spec §3.5): the {@link WindowSchedule} window at the current GRPO step. The window
 * depends only on the step index (and, for {@code random}, one draw from the run's RNG), so a resumed, rolled-back
 * or replayed run trains the same steps as the original.
 */
record SlidingWindowSelector(WindowSchedule windows) implements FlowTimestepSelector {

    @Override
    public int[] select(FlowSchedule schedule, double fraction, long grpoStep, Random rng) {
        return windows.window(grpoStep, schedule.steps(), rng);
    }

    /** Without the step index the window's position is unknown; the engine always passes it. */
    @Override
    public int[] select(FlowSchedule schedule, double fraction, Random rng) {
        throw new UnsupportedOperationException("MixGRPO's window moves with training: call select(schedule, fraction,"
                + " grpoStep, rng) with the GRPO step index");
    }
}
