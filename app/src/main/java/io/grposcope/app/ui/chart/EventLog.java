package io.grposcope.app.ui.chart;

import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The events of a run in step order, drawn as markers on every chart. FX thread only. */
public final class EventLog {
    /** Kinds worth a marker on the charts; START/STOP/RESUME would only add noise. */
    public static final Set<EventType> MARKED = EnumSet.of(EventType.PARAM_CHANGE, EventType.PAUSE,
            EventType.SPIKE, EventType.NON_FINITE, EventType.ROLLBACK, EventType.BREAKPOINT, EventType.CHECKPOINT,
            EventType.PHASE, EventType.ERROR);

    /**
     * Kinds that also get a line across the plot. Frequent ones (spikes, periodic checkpoints) keep only the
     * small triangle at the top, or they would hide the data.
     */
    public static final Set<EventType> FULL_HEIGHT = EnumSet.of(EventType.PARAM_CHANGE, EventType.PAUSE,
            EventType.NON_FINITE, EventType.ROLLBACK, EventType.PHASE, EventType.ERROR);

    private final List<RunEvent> events = new ArrayList<>();

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
        RunEvent best = null;
        double bestD = tolerance;
        for (RunEvent e : events) {
            double d = Math.abs(e.step() - step);
            if (d <= bestD && MARKED.contains(e.type())) {
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
