package io.grposcope.core.debug;

import java.util.Optional;

/**
 * A trainer that keeps its last step's batch: asked on the engine thread right after that step (from a
 * {@link io.grposcope.core.metrics.StepListener}), it returns the batch as plain values, or empty when the step
 * had none (warm-start steps, or before the first step).
 */
@FunctionalInterface
public interface CaptureSource {
    Optional<BatchCapture> captureLastBatch();
}
