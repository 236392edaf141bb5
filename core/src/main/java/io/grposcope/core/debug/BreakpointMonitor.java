package io.grposcope.core.debug;

import io.grposcope.core.control.TrainingRun;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepListener;
import io.grposcope.core.metrics.StepRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The debugger's one step listener: feeds the {@link SpikeMonitor}, evaluates the breakpoints on the engine
 * thread right after each step, captures the batch once when any firing breakpoint asks for it, and calls
 * {@link TrainingRun#pause()}, which takes effect at the next step boundary. Breakpoints may be added and
 * removed from any thread.
 */
public final class BreakpointMonitor implements StepListener {

    private final TrainingRun run;
    private final SpikeMonitor spikes;
    private final CaptureSource source;
    private final CaptureSink sink;
    private final Consumer<RunEvent> events;
    private final List<Breakpoint> breakpoints = new CopyOnWriteArrayList<>();
    private final List<BreakpointHit> hits = new CopyOnWriteArrayList<>();

    /**
     * @param source the trainer's last batch, or null when it keeps none (captures then become log-only)
     * @param sink   where captures go, or null under the same condition
     * @param events where SPIKE, BREAKPOINT, CAPTURE and ERROR events go (the store writer, the UI)
     */
    public BreakpointMonitor(TrainingRun run, SpikeMonitor spikes, CaptureSource source, CaptureSink sink,
                             Consumer<RunEvent> events) {
        this.run = run;
        this.spikes = spikes;
        this.source = source;
        this.sink = sink;
        this.events = events;
    }

    public void add(Breakpoint b) {
        breakpoints.removeIf(x -> x.id().equals(b.id()));
        breakpoints.add(b);
    }

    public void remove(String id) {
        breakpoints.removeIf(x -> x.id().equals(id));
    }

    public List<Breakpoint> breakpoints() {
        return List.copyOf(breakpoints);
    }

    public List<BreakpointHit> hits() {
        return List.copyOf(hits);
    }

    public SpikeMonitor spikes() {
        return spikes;
    }

    @Override
    public void onStep(StepRecord record) {
        List<Spike> found = spikes.check(record);
        String nonFinite = firstNonFinite(record);
        List<Breakpoint> fired = new ArrayList<>(1);
        List<String> reasons = new ArrayList<>(1);
        for (Breakpoint b : breakpoints) {
            String reason = b.enabled() ? reason(b, record, found, nonFinite) : null;
            if (reason != null) {
                fired.add(b);
                reasons.add(reason);
            }
        }
        if (!fired.isEmpty()) {
            act(record.step(), fired, reasons);
        }
    }

    private String reason(Breakpoint b, StepRecord record, List<Spike> found, String nonFinite) {
        return switch (b.trigger()) {
            case SPIKE -> found.isEmpty() ? null : "spike in " + found.get(0).series() + " = " + found.get(0).value();
            case NON_FINITE -> nonFinite == null ? null
                    : nonFinite.startsWith("engine: ") ? nonFinite : nonFinite + " is " + record.scalar(nonFinite);
            case CONDITION -> b.condition().test(name -> lookup(record, name)) ? b.condition().source() : null;
        };
    }

    private static double lookup(StepRecord record, String name) {
        if (name.equals("step")) {
            return record.step();
        }
        return record.scalar(name);
    }

    /**
     * The loss or gradient value that went non-finite, or the engine's own NON_FINITE event. Other metrics may be
     * NaN by design (e.g. a KL before the reference exists), so they do not count.
     */
    private static String firstNonFinite(StepRecord record) {
        for (Map.Entry<String, Double> e : record.scalars().entrySet()) {
            boolean watched = e.getKey().startsWith("loss/") || e.getKey().startsWith("grad/");
            if (watched && !Double.isFinite(e.getValue())) {
                return e.getKey();
            }
        }
        for (RunEvent e : record.events()) {
            if (e.type() == EventType.NON_FINITE) {
                return "engine: " + e.message();
            }
        }
        return null;
    }

    private void act(long step, List<Breakpoint> fired, List<String> reasons) {
        boolean capture = fired.stream().anyMatch(b -> b.action().captures());
        boolean pause = fired.stream().anyMatch(b -> b.action().pauses());
        long captureId = capture ? capture(step) : -1;
        for (int i = 0; i < fired.size(); i++) {
            Breakpoint b = fired.get(i);
            hits.add(new BreakpointHit(step, b.id(), b.action(), reasons.get(i), captureId));
            events.accept(new RunEvent(step, System.currentTimeMillis(), EventType.BREAKPOINT,
                    "breakpoint '" + b.id() + "' (" + b.describe() + "): " + reasons.get(i),
                    Map.of("breakpoint", b.id(), "action", b.action().name(), "reason", reasons.get(i),
                            "capture", Long.toString(captureId))));
        }
        if (pause) {
            run.pause();
        }
    }

    private long capture(long step) {
        if (source == null || sink == null) {
            // e.g. flow runs keep no token batch: the BREAKPOINT event records capture -1 rather than an ERROR per hit
            return -1;
        }
        try {
            Optional<BatchCapture> batch = source.captureLastBatch();
            if (batch.isEmpty()) {
                // warm-start and pretraining steps have no rollout batch; the BREAKPOINT event says capture -1
                return -1;
            }
            long id = sink.store(batch.get());
            events.accept(new RunEvent(step, System.currentTimeMillis(), EventType.CAPTURE,
                    "captured " + batch.get().samples().size() + " samples of step " + step,
                    Map.of("capture", Long.toString(id))));
            return id;
        } catch (RuntimeException e) {
            events.accept(RunEvent.of(step, EventType.ERROR, "capture of step " + step + " failed: " + e.getMessage()));
            return -1;
        }
    }
}
