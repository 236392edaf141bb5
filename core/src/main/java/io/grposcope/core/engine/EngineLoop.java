package io.grposcope.core.engine;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.LiveParam;
import io.grposcope.core.control.RunState;
import io.grposcope.core.control.TrainingRun;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepListener;
import io.grposcope.core.metrics.StepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The engine thread shared by every trainer: commands from any thread are queued and run on the engine thread
 * between steps, listeners hear each step and each boundary event, and the state machine NEW → RUNNING ⇄ PAUSED
 * → STOPPED/FINISHED/FAILED is kept here. Subclasses only open their resources, run one step at a time and apply
 * live parameters. After the run ends the thread keeps serving {@link #runOnEngine} tasks (inspection, replay,
 * rollback) until {@link #close()}, which then releases the trainer's resources on that same thread.
 */
public abstract class EngineLoop implements TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);

    private final RunConfig config;
    private final Path workDir;
    private final CopyOnWriteArrayList<StepListener> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Map<LiveParam, Double> params = new EnumMap<>(LiveParam.class);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private volatile RunState state = RunState.NEW;
    private volatile long currentStep;
    private volatile Throwable failure;
    private boolean paused;
    private boolean stepOnce;
    private boolean stopRequested;
    private boolean closeRequested;
    private boolean training;
    private boolean reopenRequested;
    private String lastPhase;

    protected EngineLoop(RunConfig config, Path workDir) {
        this.config = config;
        this.workDir = workDir;
        params.putAll(initialParams(config));
        this.thread = new Thread(this::engineMain, "grposcope-engine-" + config.name());
        thread.setDaemon(true);
    }

    /** The live parameters' starting values as written in the config. */
    public static Map<LiveParam, Double> initialParams(RunConfig c) {
        Map<LiveParam, Double> m = new EnumMap<>(LiveParam.class);
        m.put(LiveParam.LR, c.optimizer().lr());
        m.put(LiveParam.CLIP_LOW, c.ppo().clipLow());
        m.put(LiveParam.CLIP_HIGH, c.ppo().clipHigh());
        m.put(LiveParam.KL_BETA, c.kl().beta());
        m.put(LiveParam.TEMPERATURE, c.rollout().temperature());
        m.put(LiveParam.ENTROPY_COEF, c.ppo().entropyCoef());
        m.put(LiveParam.GROUP_SIZE, (double) c.rollout().groupSize());
        return m;
    }

    // ---- what a trainer implements (all called on the engine thread) ----

    /** Builds the model, optimizer and data; called once on the engine thread before the first step. */
    protected abstract void open() throws Exception;

    /** The phase the next step belongs to ({@link StepRecord#PHASE_WARM_START}, {@link StepRecord#PHASE_GRPO}, ...). */
    protected abstract String nextPhase();

    /** False once every phase is done. */
    protected abstract boolean hasNextStep();

    /** Runs step number {@code step} (currentStep + 1) and reports it. */
    protected abstract StepRecord runStep(long step) throws Exception;

    /** Takes a new live value into use; throw IllegalArgumentException to refuse it (the run goes on). */
    protected abstract void applyParam(LiveParam param, double value);

    /** Frees native resources; called once on the engine thread when the run is closed, also after a failed open. */
    protected abstract void release();

    // ---- TrainingRun ----

    @Override
    public RunConfig config() {
        return config;
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public void addListener(StepListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(StepListener listener) {
        listeners.remove(listener);
    }

    @Override
    public synchronized void start() {
        if (thread.getState() != Thread.State.NEW || state != RunState.NEW) {
            throw new IllegalStateException("run '" + config.name() + "' was already started (state " + state + ")");
        }
        thread.start();
    }

    @Override
    public void pause() {
        commands.add(() -> setPaused(true, "paused"));
    }

    @Override
    public void resume() {
        commands.add(() -> setPaused(false, "resumed"));
    }

    @Override
    public void stepOnce() {
        commands.add(() -> stepOnce = paused);
    }

    @Override
    public synchronized void stop() {
        commands.add(() -> stopRequested = true);
        if (state == RunState.NEW && thread.getState() == Thread.State.NEW) {
            state = RunState.STOPPED;
            terminated.countDown();
            closed.countDown();
        }
    }

    @Override
    public void setParam(LiveParam param, double value) {
        commands.add(() -> changeParam(param, value));
    }

    @Override
    public double param(LiveParam param) {
        synchronized (params) {
            return params.get(param);
        }
    }

    @Override
    public void checkpointNow() {
        commands.add(this::writeCheckpoint);
    }

    @Override
    public RunState state() {
        return state;
    }

    @Override
    public long currentStep() {
        return currentStep;
    }

    /** Why the run failed, or null. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return terminated.await(timeout, unit);
    }

    /**
     * Runs {@code task} on the engine thread at the next step boundary (also while paused or after the run
     * ended), which is the only safe place to touch the model: inspection, what-if replay, rollback.
     */
    public <T> CompletableFuture<T> runOnEngine(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (closed.getCount() == 0) {
            f.completeExceptionally(new IllegalStateException("run '" + config.name() + "' is closed"));
            return f;
        }
        commands.add(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    /** Stops the run if needed, waits for the engine thread and frees the trainer's resources there. */
    @Override
    public void close() {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("close() called on the engine thread of run '" + config.name() + "'");
        }
        stop();
        commands.add(() -> closeRequested = true);
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- helpers for subclasses (engine thread) ----

    /** Sends an event to every listener now (for events between steps; events of a step go into its record). */
    protected final void emit(RunEvent event) {
        for (StepListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed on event {}", l, event.type(), e);
            }
        }
    }

    /** Used by {@link Checkpointable#loadState} to put the step counter back. */
    protected final void restoreStep(long step) {
        currentStep = step;
    }

    /** Used by {@link Checkpointable#loadState} to put a live value back (also re-applies it). */
    protected final void restoreParam(LiveParam param, double value) {
        applyParam(param, value);
        synchronized (params) {
            params.put(param, value);
        }
    }

    /** Where {@link #checkpointNow()} writes; DEBUG may choose other folders through {@link #runOnEngine}. */
    protected Path checkpointDir(long step) {
        return workDir.resolve("checkpoints").resolve("step-" + step);
    }

    // ---- the engine thread ----

    private void engineMain() {
        try {
            state = RunState.RUNNING;
            open();
            emit(RunEvent.of(currentStep, EventType.START, "run '" + config.name() + "' started"));
            train();
        } catch (Throwable t) {
            fail(t);
        } finally {
            terminated.countDown();
        }
        serveUntilClosed();
    }

    private void fail(Throwable t) {
        failure = t;
        state = RunState.FAILED;
        LOG.error("run '{}' failed at step {}", config.name(), currentStep + 1, t);
        emit(RunEvent.of(currentStep, EventType.ERROR, "run failed at step " + (currentStep + 1) + ": " + t));
    }

    /** Runs the training loop until the steps run out, a stop, or a failure, and records which. */
    private void train() {
        training = true;
        try {
            loop();
            state = stopRequested ? RunState.STOPPED : RunState.FINISHED;
            emit(RunEvent.of(currentStep, EventType.STOP, "run " + state.name().toLowerCase()));
        } catch (Throwable t) {
            fail(t);
        } finally {
            training = false;
        }
    }

    /**
     * Engine thread, once the run has finished or was stopped (a rollback calls it after restoring an earlier
     * state): training continues, paused, from the current state when the running command returns, until the
     * steps run out again. {@link #awaitTermination} keeps meaning "stopped training the first time".
     */
    public final void reopenAfterRollback() {
        if (training || state == RunState.FAILED) {
            throw new IllegalStateException("run '" + config.name() + "' is " + state.name().toLowerCase()
                    + "; only a finished or stopped run can train again");
        }
        reopenRequested = true;
    }

    /** Whether the run can train again after a rollback ({@link #reopenAfterRollback}): it finished or was stopped. */
    public final boolean canReopen() {
        return state == RunState.FINISHED || state == RunState.STOPPED;
    }

    private void loop() throws Exception {
        while (true) {
            drainCommands();
            if (stopRequested || !hasNextStep()) {
                return;
            }
            String phase = nextPhase();
            if (!phase.equals(lastPhase)) {
                emit(RunEvent.of(currentStep, EventType.PHASE, phase));
                lastPhase = phase;
            }
            StepRecord record = runStep(currentStep + 1);
            currentStep = record.step();
            publish(record);
            stepOnce = false;
        }
    }

    /** Applies queued commands; while paused it waits for more, until resumed, stepped once or stopped. */
    private void drainCommands() throws InterruptedException {
        for (Runnable c = commands.poll(); c != null; c = commands.poll()) {
            c.run();
        }
        while (paused && !stepOnce && !stopRequested) {
            commands.take().run();
        }
    }

    private void serveUntilClosed() {
        try {
            while (!closeRequested) {
                commands.take().run();
                if (reopenRequested && !closeRequested) {
                    reopenRequested = false;
                    stopRequested = false;
                    paused = true;
                    state = RunState.PAUSED;
                    emit(RunEvent.of(currentStep, EventType.PAUSE, "training again from step " + currentStep));
                    train();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                release();
            } catch (RuntimeException e) {
                LOG.warn("run '{}' failed to release its resources", config.name(), e);
            }
            closed.countDown();
        }
    }

    private void publish(StepRecord record) {
        for (StepListener l : listeners) {
            try {
                l.onStep(record);
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed on step {}", l, record.step(), e);
            }
        }
    }

    private void setPaused(boolean p, String message) {
        if (paused == p || !training) {
            return;
        }
        paused = p;
        state = p ? RunState.PAUSED : RunState.RUNNING;
        emit(RunEvent.of(currentStep, p ? EventType.PAUSE : EventType.RESUME, message));
    }

    private void changeParam(LiveParam param, double value) {
        double old = param(param);
        try {
            applyParam(param, value);
        } catch (IllegalArgumentException e) {
            emit(RunEvent.of(currentStep, EventType.ERROR, param.key() + " = " + value + " refused: " + e.getMessage()));
            return;
        }
        synchronized (params) {
            params.put(param, value);
        }
        emit(RunEvent.paramChange(currentStep, param.key(), old, value));
    }

    private void writeCheckpoint() {
        if (!(this instanceof Checkpointable c)) {
            emit(RunEvent.of(currentStep, EventType.ERROR, getClass().getSimpleName() + " cannot write checkpoints"));
            return;
        }
        Path dir = checkpointDir(currentStep);
        try {
            c.saveState(dir);
            emit(new RunEvent(currentStep, System.currentTimeMillis(), EventType.CHECKPOINT, "checkpoint " + dir,
                    Map.of("path", dir.toString(), "step", Long.toString(currentStep))));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("checkpoint of run '{}' at step {} failed", config.name(), currentStep, e);
            emit(RunEvent.of(currentStep, EventType.ERROR, "checkpoint to " + dir + " failed: " + e));
        }
    }
}
