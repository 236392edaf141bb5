package io.grposcope.core.algo.spi.flow;

import ai.djl.ndarray.NDArray;

/** Hook 4 for flow models: the per-step log importance ratio the clip sees (B). Default: raw Gaussian log-ratio. */
@FunctionalInterface
public interface FlowRatioTransform {
    FlowRatioTransform RAW = FlowStepContext::rawLogRatio;

    NDArray logRatio(FlowStepContext ctx);
}
