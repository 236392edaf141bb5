package io.grposcope.core.algo.spi.flow;

/**
 * The hooks one flow method plugs in; anything left {@code null} falls back to vanilla Flow-GRPO (the engine's
 * SDE rollout, raw ratio, uniform step weights, the first ⌊N·fraction⌋ steps). {@code globalStd} picks the
 * advantage std: of the whole step column (Flow-GRPO's default) or per group.
 */
public record FlowMethod(String id, FlowRolloutStrategy rollout, FlowRatioTransform ratio,
                         FlowStepWeighting weighting, FlowTimestepSelector selector, boolean globalStd) {

    /** The same method with every null hook replaced by the vanilla default. */
    public FlowMethod withDefaults(FlowRolloutStrategy defaultRollout) {
        return new FlowMethod(id, rollout == null ? defaultRollout : rollout,
                ratio == null ? FlowRatioTransform.RAW : ratio,
                weighting == null ? FlowStepWeighting.UNIFORM : weighting,
                selector == null ? FlowTimestepSelector.FRACTION : selector, globalStd);
    }
}
