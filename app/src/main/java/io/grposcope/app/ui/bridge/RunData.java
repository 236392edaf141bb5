package io.grposcope.app.ui.bridge;

import io.grposcope.app.ui.chart.EventLog;
import io.grposcope.app.ui.chart.HeatmapSeries;
import io.grposcope.app.ui.chart.SeriesBuffer;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.Histogram;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the charts of one run (or branch) draw from: a series per scalar tag, a heatmap series per
 * histogram tag, the per-layer gradient norms and the events. Owned by one thread at a time: a loader
 * fills it in the background, then hands it to the FX thread, where the bridge appends live steps.
 */
public final class RunData {
    private final String name;
    private final Map<String, SeriesBuffer> scalars = new LinkedHashMap<>();
    private final Map<String, HeatmapSeries> histograms = new LinkedHashMap<>();
    private final HeatmapSeries layerNorms = HeatmapSeries.layerNorms();
    private final EventLog events = new EventLog();
    private long lastStep = -1;
    private long lastWallMillis;
    private String phase = "";
    private StepRecord latest;

    public RunData(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The series of a tag, created empty if no step had it yet (charts bind before data arrives). */
    public SeriesBuffer series(String tag) {
        return scalars.computeIfAbsent(tag, SeriesBuffer::new);
    }

    public HeatmapSeries histogram(String tag) {
        return histograms.computeIfAbsent(tag, HeatmapSeries::histogram);
    }

    public HeatmapSeries layerNorms() {
        return layerNorms;
    }

    public EventLog events() {
        return events;
    }

    public Set<String> scalarTags() {
        return scalars.keySet();
    }

    public Set<String> histogramTags() {
        return histograms.keySet();
    }

    public long lastStep() {
        return lastStep;
    }

    public long lastWallMillis() {
        return lastWallMillis;
    }

    public String phase() {
        return phase;
    }

    /** The newest step as reported (samples included); null before the first. */
    public StepRecord latest() {
        return latest;
    }

    public void apply(StepRecord r) {
        for (Map.Entry<String, Double> e : r.scalars().entrySet()) {
            series(e.getKey()).append(r.step(), e.getValue());
        }
        for (Map.Entry<String, Histogram> e : r.histograms().entrySet()) {
            histogram(e.getKey()).append(r.step(), e.getValue());
        }
        layerNorms.append(r.step(), r.layerGradNorms());
        for (RunEvent e : r.events()) {
            apply(e);
        }
        lastStep = r.step();
        lastWallMillis = r.wallTimeMillis();
        phase = r.phase();
        latest = r;
    }

    public void apply(RunEvent e) {
        events.add(e);
    }

    /** Loads a stored step's scalars (no histograms) — used when a finished run is read from the store. */
    public void applyScalar(String tag, long step, double value) {
        series(tag).append(step, value);
        lastStep = Math.max(lastStep, step);
    }

    /**
     * A copy of the scalar series from {@code fromStep} on, named {@code name}: what a rollback to
     * {@code fromStep} is about to overwrite, kept so the old branch stays on the charts.
     */
    public RunData copyFrom(long fromStep, String name) {
        RunData copy = new RunData(name);
        for (Map.Entry<String, io.grposcope.app.ui.chart.SeriesBuffer> e : scalars.entrySet()) {
            io.grposcope.app.ui.chart.SeriesBuffer s = e.getValue();
            for (int i = s.lowerBound(fromStep); i < s.size(); i++) {
                copy.applyScalar(e.getKey(), s.stepAt(i), s.valueAt(i));
            }
        }
        return copy;
    }

    public List<RunEvent> eventsOf(EventType type) {
        return events.all().stream().filter(e -> e.type() == type).toList();
    }
}
