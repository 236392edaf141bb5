package io.grposcope.core.debug;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole batch of one step, kept so a person can inspect it and replay it: every sample with its per-token
 * values, the step's per-layer gradient norms and loss, and the settings it was trained under ({@code params}
 * holds live values such as "lr", "clip_low"; {@code methodId} the plugin). {@code kind} is "token" or "flow".
 */
public record BatchCapture(long step, String kind, String methodId, Map<String, Double> params, double loss,
                           double gradNorm, Map<String, Double> layerGradNorms, List<CapturedSample> samples) {

    public static final String KIND_TOKEN = "token";
    public static final String KIND_FLOW = "flow";

    public BatchCapture {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        layerGradNorms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layerGradNorms));
        samples = List.copyOf(samples);
    }

    public CapturedSample sample(int index) {
        for (CapturedSample s : samples) {
            if (s.index() == index) {
                return s;
            }
        }
        throw new IllegalArgumentException("step " + step + " has no captured sample " + index);
    }

    /** The samples of one prompt group, in index order. */
    public List<CapturedSample> group(int groupId) {
        return samples.stream().filter(s -> s.groupId() == groupId).toList();
    }

    public double param(String key) {
        Double v = params.get(key);
        return v == null ? Double.NaN : v;
    }
}
