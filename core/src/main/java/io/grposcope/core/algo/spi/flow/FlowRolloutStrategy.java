package io.grposcope.core.algo.spi.flow;

/** Hook 3 for flow models: how trajectories are sampled (plain SDE, SDE window, branching). */
@FunctionalInterface
public interface FlowRolloutStrategy {
    FlowBatch rollout(FlowSampler sampler, FlowRolloutRequest request);
}
