package io.grposcope.core.debug;

/**
 * What a trainer offers for what-if replay and attribution: recompute the loss and gradients of a captured batch
 * under some settings from the current weights, without applying an update or changing any state (optimizer,
 * RNG, step). Called on the engine thread only.
 */
@FunctionalInterface
public interface ReplayBackend {
    ReplayResult replay(BatchCapture batch, ReplaySettings settings, boolean perSampleNorms);
}
