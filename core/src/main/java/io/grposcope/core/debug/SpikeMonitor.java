package io.grposcope.core.debug;

import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepListener;
import io.grposcope.core.metrics.StepRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Runs one {@link SpikeDetector} per watched series on each finished step and turns the spikes into SPIKE /
 * NON_FINITE events for the store and chart markers. By default it watches {@code grad/norm}; the user adds
 * KL, clip fraction or an entropy drop (DOWN) with {@link #watch}. Called on the engine thread; cheap.
 */
public final class SpikeMonitor implements StepListener {

    public static final String GRAD_NORM = "grad/norm";

    private final Map<String, SpikeDetector> detectors = new ConcurrentHashMap<>();
    private final List<Spike> spikes = new CopyOnWriteArrayList<>();
    private final Consumer<RunEvent> events;

    /** @param events where spike events go (the store's event writer, the UI bridge); may be a no-op */
    public SpikeMonitor(Consumer<RunEvent> events) {
        this.events = events;
    }

    /** A monitor on {@code grad/norm} with the §7.5 defaults (window 50, k 5). */
    public static SpikeMonitor withDefaults(Consumer<RunEvent> events) {
        SpikeMonitor m = new SpikeMonitor(events);
        m.watch(GRAD_NORM, SpikeDetector.Settings.defaults());
        return m;
    }

    /** Starts (or restarts, with an empty window) watching a series. */
    public SpikeMonitor watch(String series, SpikeDetector.Settings settings) {
        detectors.put(series, new SpikeDetector(series, settings));
        return this;
    }

    public void unwatch(String series) {
        detectors.remove(series);
    }

    public Map<String, SpikeDetector.Settings> watched() {
        Map<String, SpikeDetector.Settings> out = new java.util.TreeMap<>();
        detectors.forEach((k, d) -> out.put(k, d.settings()));
        return out;
    }

    @Override
    public void onStep(StepRecord record) {
        check(record);
    }

    /** Feeds every watched series that the record carries; returns (and publishes) this step's spikes. */
    public List<Spike> check(StepRecord record) {
        List<Spike> found = new ArrayList<>(1);
        for (SpikeDetector d : detectors.values()) {
            Double v = record.scalars().get(d.series());
            if (v == null) {
                continue;
            }
            Optional<Spike> s = d.observe(record.step(), v);
            s.ifPresent(found::add);
        }
        for (Spike s : found) {
            spikes.add(s);
            events.accept(s.toEvent());
        }
        return found;
    }

    /** Every spike seen so far, oldest first (for chart markers and the event list). */
    public List<Spike> spikes() {
        return List.copyOf(spikes);
    }

    /** Forgets the detection windows, e.g. after a rollback, so the new branch builds its own baseline. */
    public void resetWindows() {
        detectors.replaceAll((k, d) -> new SpikeDetector(k, d.settings()));
    }
}
