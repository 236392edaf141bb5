package io.grposcope.core.metrics;

/**
 * Receives each finished step on the engine thread. Implementations must return quickly and never block
 * (hand the record to a queue or ring buffer): the engine waits for nobody.
 */
@FunctionalInterface
public interface StepListener {
    void onStep(StepRecord record);

    /** Events raised between steps (pause, resume, parameter change) arrive here; default ignores them. */
    default void onEvent(RunEvent event) {
    }
}
