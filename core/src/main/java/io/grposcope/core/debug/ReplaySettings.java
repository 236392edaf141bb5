package io.grposcope.core.debug;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The settings a captured batch is replayed under: the method plugin, numeric parameters by their live-parameter
 * keys ("clip_low", "clip_high", "kl_beta", "entropy_coef", ...), named options ("loss_agg" = "token-mean",
 * "adv_norm" = "std"/"none", "guard" = "on"/"off") and samples to leave out of the loss.
 */
public record ReplaySettings(String methodId, Map<String, Double> params, Map<String, String> options,
                             Set<Integer> excludedSamples) {

    public static final String LOSS_AGG = "loss_agg";
    public static final String ADV_NORM = "adv_norm";
    public static final String GUARD = "guard";

    public ReplaySettings {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        excludedSamples = java.util.Collections.unmodifiableSet(new TreeSet<>(excludedSamples));
    }

    /** The settings the batch was trained under, as recorded in the capture. */
    public static ReplaySettings original(BatchCapture capture) {
        return new ReplaySettings(capture.methodId(), capture.params(), Map.of(), Set.of());
    }

    public ReplaySettings withParam(String key, double value) {
        Map<String, Double> p = new LinkedHashMap<>(params);
        p.put(key, value);
        return new ReplaySettings(methodId, p, options, excludedSamples);
    }

    public ReplaySettings withOption(String key, String value) {
        Map<String, String> o = new LinkedHashMap<>(options);
        o.put(key, value);
        return new ReplaySettings(methodId, params, o, excludedSamples);
    }

    public ReplaySettings withMethod(String id) {
        return new ReplaySettings(id, params, options, excludedSamples);
    }

    public ReplaySettings excluding(int sampleIndex) {
        Set<Integer> s = new TreeSet<>(excludedSamples);
        s.add(sampleIndex);
        return new ReplaySettings(methodId, params, options, s);
    }

    public double param(String key, double fallback) {
        Double v = params.get(key);
        return v == null ? fallback : v;
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** What differs from {@code base}, for labels such as "clip_high 0.2 → 0.28, guard on". */
    public String diff(ReplaySettings base) {
        StringBuilder sb = new StringBuilder();
        if (!methodId.equals(base.methodId)) {
            sb.append("method ").append(base.methodId).append(" → ").append(methodId).append(", ");
        }
        params.forEach((k, v) -> {
            Double b = base.params.get(k);
            if (b == null || Double.compare(b, v) != 0) {
                sb.append(k).append(' ').append(b == null ? "default" : b).append(" → ").append(v).append(", ");
            }
        });
        options.forEach((k, v) -> {
            if (!v.equals(base.options.get(k))) {
                sb.append(k).append(' ').append(v).append(", ");
            }
        });
        if (!excludedSamples.equals(base.excludedSamples)) {
            sb.append("without samples ").append(excludedSamples).append(", ");
        }
        return sb.length() == 0 ? "same settings" : sb.substring(0, sb.length() - 2);
    }
}
