package io.grposcope.app.ui.run;

import io.grposcope.app.ui.bridge.RunData;
import io.grposcope.app.ui.bridge.StepBridge;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.LiveParam;
import io.grposcope.core.control.RunState;
import io.grposcope.core.control.TrainingRun;
import io.grposcope.core.metrics.StepRecord;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The run view's model: owns the bridge from a live {@link TrainingRun} (or nothing, for a finished run
 * read from the store), the {@link RunData} the charts draw, and the status values the view binds to.
 * Commands validate here and go to the run's queue; nothing waits for the engine. FX thread only.
 */
public final class RunViewModel {
    private final String title;
    private final TrainingRun run;
    private final RunData data;
    private final StepBridge bridge = new StepBridge();
    private final LongProperty step = new SimpleLongProperty(0);
    private final ObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.NEW);
    private final StringProperty phase = new SimpleStringProperty("");
    private final DoubleProperty stepsPerSecond = new SimpleDoubleProperty(0);
    private final StringProperty elapsed = new SimpleStringProperty("0:00");
    private final StringProperty remaining = new SimpleStringProperty("—");
    private final StringProperty memory = new SimpleStringProperty("");
    private final DoubleProperty warmStartProgress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final RateMeter rate = new RateMeter();
    private long startedNanos;
    private boolean attached;

    /** A live run; not attached until {@link #attach()}. */
    public RunViewModel(String title, TrainingRun run) {
        this.title = title;
        this.run = run;
        this.data = new RunData(title);
    }

    /** A finished run already loaded into {@code data}. */
    public RunViewModel(String title, RunData data) {
        this.title = title;
        this.run = null;
        this.data = data;
        step.set(Math.max(0, data.lastStep()));
        state.set(RunState.FINISHED);
        phase.set(data.phase());
    }

    public String title() {
        return title;
    }

    public RunData data() {
        return data;
    }

    /** The run this view drives, or null for a stored run. */
    public TrainingRun run() {
        return run;
    }

    public boolean isLive() {
        return run != null;
    }

    public RunConfig config() {
        return run == null ? null : run.config();
    }

    /** Subscribes to the run's steps (engine thread → bridge). */
    public void attach() {
        if (run != null && !attached) {
            run.addListener(bridge);
            attached = true;
        }
    }

    /** Unsubscribes; the run keeps training (or is stopped by whoever owns it). */
    public void detach() {
        if (run != null && attached) {
            run.removeListener(bridge);
            attached = false;
        }
    }

    public boolean isAttached() {
        return attached;
    }

    /** Called once per frame: applies what the engine sent and refreshes the status values. */
    public int onPulse(long nowNanos) {
        int applied = bridge.drainInto(data);
        if (run != null) {
            state.set(run.state());
        }
        if (applied > 0) {
            StepRecord r = data.latest();
            if (r != null) {
                step.set(r.step());
                phase.set(r.phase());
                rate.mark(r.step(), nowNanos);
            }
        }
        updateTimes(nowNanos);
        return applied;
    }

    private void updateTimes(long now) {
        if (startedNanos == 0 || state.get() == RunState.NEW) {
            return;
        }
        long secs = (now - startedNanos) / 1_000_000_000L;
        elapsed.set(Durations.format(secs));
        stepsPerSecond.set(rate.perSecond(now));
        if (run != null) {
            RunConfig c = run.config();
            long total = c.warmStart().steps() + (long) c.steps();
            remaining.set(Durations.remaining(total - step.get(), stepsPerSecond.get()));
            warmStartProgress.set(warmProgress(c));
        }
        Runtime rt = Runtime.getRuntime();
        memory.set(String.format("heap %d / %d MiB", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20));
    }

    private double warmProgress(RunConfig c) {
        if (StepRecord.PHASE_WARM_START.equals(phase.get())) {
            return Math.min(1, step.get() / (double) Math.max(1, c.warmStart().steps()));
        }
        return step.get() > 0 ? 1 : 0;
    }

    public void start() {
        requireLive();
        if (run.state() == RunState.NEW) {
            startedNanos = System.nanoTime();
            run.start();
            message.set("started");
        } else if (run.state() == RunState.PAUSED) {
            run.resume();
        }
    }

    public void pause() {
        requireLive();
        run.pause();
    }

    public void resume() {
        requireLive();
        run.resume();
    }

    public void stepOnce() {
        requireLive();
        run.stepOnce();
    }

    public void stop() {
        requireLive();
        run.stop();
    }

    public void checkpoint() {
        requireLive();
        run.checkpointNow();
        message.set("checkpoint requested at step " + step.get());
    }

    /** Validates and queues a live change; returns an error text or null when accepted. */
    public String setParam(LiveParam p, String text) {
        requireLive();
        String error = LiveParamRules.check(p, text);
        if (error != null) {
            message.set(error);
            return error;
        }
        double v = Double.parseDouble(text.strip());
        run.setParam(p, v);
        message.set(p.key() + " → " + text.strip() + " at the next step");
        return null;
    }

    public double param(LiveParam p) {
        return run == null ? Double.NaN : run.param(p);
    }

    private void requireLive() {
        if (run == null) {
            throw new IllegalStateException("run '" + title + "' is a stored run; it cannot be controlled");
        }
    }

    public ReadOnlyLongProperty stepProperty() {
        return step;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase;
    }

    public ReadOnlyDoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond;
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed;
    }

    public ReadOnlyStringProperty remainingProperty() {
        return remaining;
    }

    public ReadOnlyStringProperty memoryProperty() {
        return memory;
    }

    public ReadOnlyDoubleProperty warmStartProgressProperty() {
        return warmStartProgress;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
