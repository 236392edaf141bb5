package io.grposcope.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Averages named values over a step's minibatches (verl reduces its metric lists by mean); maxima kept apart. */
final class MetricMeans {

    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private final Map<String, Double> maxima = new LinkedHashMap<>();

    void add(String name, double v) {
        double[] s = sums.computeIfAbsent(name, k -> new double[2]);
        s[0] += v;
        s[1]++;
    }

    void add(Map<String, Double> values) {
        values.forEach(this::add);
    }

    void max(String name, double v) {
        maxima.merge(name, v, (a, b) -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b));
    }

    Map<String, Double> results() {
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((k, s) -> out.put(k, s[0] / s[1]));
        out.putAll(maxima);
        return out;
    }
}
