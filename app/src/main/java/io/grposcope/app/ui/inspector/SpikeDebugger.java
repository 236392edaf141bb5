package io.grposcope.app.ui.inspector;

import io.grposcope.app.ui.chart.EventLog;
import io.grposcope.app.ui.chart.XAxisLink;
import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.Breakpoint;
import io.grposcope.core.debug.DebugSession;
import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.store.RunStore;
import io.grposcope.core.store.StoreWriter;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The debugger of one live run in the app: its {@link DebugSession} (spikes, breakpoints, captures, checkpoints,
 * rollback, what-if, all kept in the run store), its events as chart markers and as a {@link DebugEventList},
 * and a breakpoint editor. Clicking a spike marker in a chart, or inspecting a row of the list, opens the spike
 * inspector on that step's capture ({@link #open}). By default spikes are captured (no pause) and a non-finite
 * value pauses and captures.
 */
public final class SpikeDebugger implements AutoCloseable {

    public static final int CHECKPOINT_EVERY = 25;

    private final DebugSession session;
    private java.util.function.Consumer<RunEvent> onRollback = e -> { };
    private final DebugEventList eventList;
    private final BreakpointPane breakpoints;
    private final Supplier<Window> owner;
    private EventLog chartEvents;

    private SpikeDebugger(DebugSession session, Supplier<Window> owner) {
        this.session = session;
        this.owner = owner;
        this.eventList = new DebugEventList(this::open);
        session.breakpoints().add(Breakpoint.onSpike(Breakpoint.Action.CAPTURE_ONLY));
        session.breakpoints().add(Breakpoint.onNonFinite(Breakpoint.Action.PAUSE_AND_CAPTURE));
        this.breakpoints = new BreakpointPane(session.breakpoints());
    }

    /** Attaches to a run the app trains; its debug files go to the run's work folder. FX thread. */
    public static SpikeDebugger attach(EngineLoop run, RunStore store, StoreWriter writer, Supplier<Window> owner) {
        SpikeDebugger[] self = new SpikeDebugger[1];
        DebugSession s = DebugSession.withStore(run, run.workDir().resolve("debug"), CHECKPOINT_EVERY, store, writer,
                e -> Platform.runLater(() -> self[0].show(e)));
        self[0] = new SpikeDebugger(s, owner);
        return self[0];
    }

    private void show(RunEvent e) {
        if (e.type() == EventType.ROLLBACK) {
            onRollback.accept(e);
        }
        eventList.add(e);
        if (chartEvents != null) {
            chartEvents.add(e);
        }
    }

    /**
     * Called on the FX thread with each ROLLBACK event, before the new branch's steps reach the charts (they are
     * queued after it), so the view can keep what the old branch drew after the fork.
     */
    public void setOnRollback(java.util.function.Consumer<RunEvent> handler) {
        onRollback = handler == null ? e -> { } : handler;
    }

    /**
     * Also draws the debugger's events (spikes, breakpoints, checkpoints, rollbacks) as markers on the charts
     * that share {@code log}, and makes clicking an inspectable marker there open the inspector.
     */
    public void markOn(EventLog log) {
        chartEvents = log;
        log.setOnInspect(this::open);
    }

    /** Selecting a row of the event list selects its step on {@code axis}, scrolling a zoomed view to it. */
    public void selectStepsOn(XAxisLink axis) {
        eventList.selectStepsOn(axis);
    }

    public DebugEventList eventList() {
        return eventList;
    }

    public BreakpointPane breakpointPane() {
        return breakpoints;
    }

    public DebugSession session() {
        return session;
    }

    /** Opens the inspector for a spike, breakpoint or capture event, or says why it cannot. */
    public void open(RunEvent e) {
        Optional<BatchCapture> batch;
        try {
            batch = session.captureFor(e);
        } catch (RuntimeException ex) {
            tell("Could not read the capture of step " + e.step() + ": " + ex.getMessage());
            return;
        }
        if (batch.isEmpty()) {
            tell(capturingBreakpointFired(e.step())
                    ? "Step " + e.step() + " has no captured batch: a breakpoint fired there, but the step had no "
                    + "rollout batch to keep (warm-start and pretraining steps have none)."
                    : "Step " + e.step() + " has no captured batch. Add a breakpoint that captures (e.g. on spike) "
                    + "to keep the batch of such steps.");
            return;
        }
        SpikeInspectorWindow.open(owner.get(), batch.get(), session.layerHistory().medians(),
                new SessionInspectorActions(session));
    }

    /** Whether a capturing breakpoint fired at {@code step} (its BREAKPOINT event then says capture -1). */
    private boolean capturingBreakpointFired(long step) {
        return session.events().stream().anyMatch(x -> x.step() == step && x.type() == EventType.BREAKPOINT
                && !Breakpoint.Action.LOG.name().equals(x.data().get("action")));
    }

    private static void tell(String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.setHeaderText(null);
        a.show();
    }

    @Override
    public void close() {
        if (chartEvents != null) {
            chartEvents.setOnInspect(null);
        }
        session.close();
    }
}
