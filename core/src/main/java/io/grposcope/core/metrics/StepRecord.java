package io.grposcope.core.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one training step reports, as plain Java values (never NDArrays), keyed by the canonical
 * metric names of methods-spec §7.4 ("reward/mean", "grad/norm", "clip/frac_high", per timestep "t3/ratio/mean").
 * Per-layer gradient norms keep the model's layer order. Immutable once built.
 */
public record StepRecord(long step, String phase, long wallTimeMillis, Map<String, Double> scalars,
                         Map<String, Histogram> histograms, Map<String, Double> layerGradNorms,
                         List<SampleRow> samples, List<RunEvent> events) {

    public static final String PHASE_WARM_START = "warm_start";
    public static final String PHASE_GRPO = "grpo";
    public static final String PHASE_PRETRAIN = "pretrain";

    public StepRecord {
        scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        histograms = Collections.unmodifiableMap(new LinkedHashMap<>(histograms));
        layerGradNorms = Collections.unmodifiableMap(new LinkedHashMap<>(layerGradNorms));
        samples = List.copyOf(samples);
        events = List.copyOf(events);
    }

    public double scalar(String name) {
        Double v = scalars.get(name);
        return v == null ? Double.NaN : v;
    }

    public static Builder builder(long step, String phase) {
        return new Builder(step, phase);
    }

    /** Collects a step's values on the engine thread. */
    public static final class Builder {
        private final long step;
        private final String phase;
        private final Map<String, Double> scalars = new LinkedHashMap<>();
        private final Map<String, Histogram> histograms = new LinkedHashMap<>();
        private final Map<String, Double> layerNorms = new LinkedHashMap<>();
        private final List<SampleRow> samples = new java.util.ArrayList<>();
        private final List<RunEvent> events = new java.util.ArrayList<>();

        private Builder(long step, String phase) {
            this.step = step;
            this.phase = phase;
        }

        public long step() {
            return step;
        }

        public Builder scalar(String name, double value) {
            scalars.put(name, value);
            return this;
        }

        public Builder histogram(String name, Histogram h) {
            histograms.put(name, h);
            return this;
        }

        public Builder layerNorm(String layer, double norm) {
            layerNorms.put(layer, norm);
            return this;
        }

        public Builder sample(SampleRow row) {
            samples.add(row);
            return this;
        }

        public Builder event(RunEvent e) {
            events.add(e);
            return this;
        }

        public StepRecord build() {
            return new StepRecord(step, phase, System.currentTimeMillis(), scalars, histograms, layerNorms,
                    samples, events);
        }
    }
}
