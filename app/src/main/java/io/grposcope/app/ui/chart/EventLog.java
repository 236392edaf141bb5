package io.grposcope.app.ui.chart;

import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The events of a run in step order, drawn as markers on every chart. With an inspect handler (a live run's
 * debugger), clicking the marker of an {@link #inspectable} event hands that event to it. FX thread only.
 */
public final class EventLog {
    /**
     * Kinds worth a marker on the charts; START/STOP/RESUME would only add noise, and so would periodic
     * checkpoints (every 25 steps: the debugger's event list and the roll-back dialog list them).
     */
    public static final Set<EventType> MARKED = EnumSet.of(EventType.PARAM_CHANGE, EventType.PAUSE,
            EventType.SPIKE, EventType.NON_FINITE, EventType.ROLLBACK, EventType.BREAKPOINT, EventType.SKIP,
            EventType.PHASE, EventType.ERROR);

    /**
     * Kinds that also get a line across the plot. Frequent ones (spikes, breakpoint hits and the pauses they
     * cause) keep only the
     * small triangle at the top, or they would hide the data.
     */
    public static final Set<EventType> FULL_HEIGHT = EnumSet.of(EventType.PARAM_CHANGE,
            EventType.NON_FINITE, EventType.ROLLBACK, EventType.PHASE, EventType.ERROR);

    /** Kinds that name a step whose captured batch the spike inspector can open. */
    public static final Set<EventType> INSPECTABLE = EnumSet.of(EventType.SPIKE, EventType.NON_FINITE,
            EventType.BREAKPOINT, EventType.CAPTURE);

    private final List<RunEvent> events = new ArrayList<>();
    private Consumer<RunEvent> onInspect;

    public static boolean inspectable(RunEvent e) {
        return INSPECTABLE.contains(e.type());
    }

    /** Who opens an inspectable event (the run's debugger), or null: markers then only select their step. */
    public void setOnInspect(Consumer<RunEvent> handler) {
        onInspect = handler;
    }

    public boolean canInspect() {
        return onInspect != null;
    }

    /** Hands {@code e} to the inspect handler; false when there is none or {@code e} cannot be inspected. */
    public boolean inspect(RunEvent e) {
        if (onInspect == null || e == null || !inspectable(e)) {
            return false;
        }
        onInspect.accept(e);
        return true;
    }

    public void add(RunEvent e) {
        int i = events.size();
        while (i > 0 && events.get(i - 1).step() > e.step()) {
            i--;
        }
        events.add(i, e);
    }

    public List<RunEvent> all() {
        return List.copyOf(events);
    }

    public int size() {
        return events.size();
    }

    /** Marked events with step in [from, to]. */
    public List<RunEvent> between(double from, double to) {
        List<RunEvent> out = new ArrayList<>();
        for (RunEvent e : events) {
            if (e.step() >= from && e.step() <= to && MARKED.contains(e.type())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The marked event closest to {@code step} within {@code tolerance} steps, or null. */
    public RunEvent near(double step, double tolerance) {
        return closest(step, tolerance, false);
    }

    /**
     * The marked, inspectable event closest to {@code step} within {@code tolerance} steps, or null (also when
     * there is no inspect handler). Linear in the number of events and allocation-free: called per mouse move.
     */
    public RunEvent inspectableNear(double step, double tolerance) {
        return onInspect == null ? null : closest(step, tolerance, true);
    }

    private RunEvent closest(double step, double tolerance, boolean onlyInspectable) {
        RunEvent best = null;
        double bestD = tolerance;
        for (RunEvent e : events) {
            double d = Math.abs(e.step() - step);
            if (d <= bestD && MARKED.contains(e.type()) && (!onlyInspectable || inspectable(e))) {
                best = e;
                bestD = d;
            }
        }
        return best;
    }

    public void clear() {
        events.clear();
    }
}
