package io.grposcope.core.control;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.StepListener;

/**
 * A training run driven by its own engine thread (token GRPO or flow GRPO alike). Every command returns at
 * once: it is queued and applied by the engine thread at the next step boundary, so callers (the FX thread,
 * the CLI) never wait on training, and training never waits on them.
 */
public interface TrainingRun extends AutoCloseable {

    RunConfig config();

    /** Listeners are called on the engine thread after each step and must not block. */
    void addListener(StepListener listener);

    void removeListener(StepListener listener);

    /** Starts the engine thread (first the warm-start/pretrain phase, then GRPO). */
    void start();

    void pause();

    void resume();

    /** When paused: run exactly one more step, then pause again. */
    void stepOnce();

    /** Stops after the current step; the run cannot be resumed afterwards. */
    void stop();

    /** Changes a hyperparameter at the next step boundary and records a PARAM_CHANGE event. */
    void setParam(LiveParam param, double value);

    /** Current value of a live hyperparameter. */
    double param(LiveParam param);

    /** Writes a checkpoint at the next step boundary and records a CHECKPOINT event. */
    void checkpointNow();

    RunState state();

    /** Number of the last finished step (0 before the first). */
    long currentStep();

    /** Blocks the calling thread (never the engine's) until the run has stopped, finished or failed. */
    void awaitTermination() throws InterruptedException;

    @Override
    void close();
}
