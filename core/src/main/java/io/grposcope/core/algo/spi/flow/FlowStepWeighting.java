package io.grposcope.core.algo.spi.flow;

/** Hook 8 (weights): a factor on step k's policy loss, given the schedule and the trained step set. Default 1. */
@FunctionalInterface
public interface FlowStepWeighting {
    FlowStepWeighting UNIFORM = (k, schedule, trained) -> 1.0;

    double weight(int step, FlowSchedule schedule, int[] trainedSteps);
}
