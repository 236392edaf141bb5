package io.grposcope.app.ui.inspector;

import io.grposcope.app.ui.chart.XAxisLink;
import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.Breakpoint;
import io.grposcope.core.debug.DebugSession;
import io.grposcope.core.engine.EngineLoop;
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
 * rollback, what-if, all kept in the run store), a clickable spike-marker strip that follows the charts' step
 * axis, and a breakpoint editor. Clicking a marker opens the spike inspector on that step's capture.
 * By default spikes are captured (no pause) and a non-finite value pauses and captures.
 */
public final class SpikeDebugger implements AutoCloseable {

    public static final int CHECKPOINT_EVERY = 25;

    private final DebugSession session;
    private final SpikeMarkerStrip strip;
    private final BreakpointPane breakpoints;
    private final Supplier<Window> owner;
    private Runnable unfollow = () -> { };
    private io.grposcope.app.ui.chart.EventLog chartEvents;

    private SpikeDebugger(DebugSession session, Supplier<Window> owner) {
        this.session = session;
        this.owner = owner;
        this.strip = new SpikeMarkerStrip(this::open);
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
        strip.add(e);
        if (chartEvents != null) {
            chartEvents.add(e);
        }
    }

    /** Also draws the debugger's events (spikes, breakpoints, checkpoints, rollbacks) as markers on the charts. */
    public void markOn(io.grposcope.app.ui.chart.EventLog log) {
        chartEvents = log;
    }

    /** Keeps the marker strip over the same step range as the charts. */
    public void follow(XAxisLink axis) {
        Runnable sync = () -> strip.setRange(axis.start(), axis.end());
        unfollow.run();
        axis.addListener(sync);
        unfollow = () -> axis.removeListener(sync);
        sync.run();
    }

    public SpikeMarkerStrip markerStrip() {
        return strip;
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
            tell("Step " + e.step() + " has no captured batch. Add a breakpoint that captures (e.g. on spike) to "
                    + "keep the batch of such steps.");
            return;
        }
        SpikeInspectorWindow.open(owner.get(), batch.get(), session.layerHistory().medians(),
                new SessionInspectorActions(session));
    }

    private static void tell(String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.setHeaderText(null);
        a.show();
    }

    @Override
    public void close() {
        unfollow.run();
        session.close();
    }
}
