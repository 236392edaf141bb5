package io.grposcope.core.debug;

import io.grposcope.core.metrics.StepListener;
import io.grposcope.core.metrics.StepRecord;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers each layer's gradient norm over the last {@code window} steps so the inspector can draw a spike
 * step's per-layer norms against their recent median. Written on the engine thread, read from any thread.
 */
public final class LayerNormHistory implements StepListener {

    private final int window;
    private final Map<String, ArrayDeque<Double>> norms = new LinkedHashMap<>();

    public LayerNormHistory(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("layer history window must be >= 1, got " + window);
        }
        this.window = window;
    }

    @Override
    public synchronized void onStep(StepRecord record) {
        record.layerGradNorms().forEach((layer, v) -> {
            if (Double.isFinite(v)) {
                ArrayDeque<Double> q = norms.computeIfAbsent(layer, k -> new ArrayDeque<>());
                q.addLast(v);
                if (q.size() > window) {
                    q.removeFirst();
                }
            }
        });
    }

    /** Median of each layer's remembered finite norms, in first-seen layer order. */
    public synchronized Map<String, Double> medians() {
        Map<String, Double> out = new LinkedHashMap<>();
        norms.forEach((layer, q) -> {
            if (!q.isEmpty()) {
                out.put(layer, SpikeDetector.median(q.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        });
        return out;
    }
}
