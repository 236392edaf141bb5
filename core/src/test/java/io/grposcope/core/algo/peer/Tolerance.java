package io.grposcope.core.algo.peer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A comparison tolerance |actual − expected| ≤ abs + rel·|expected| (numpy isclose), read from a vector file's
 * "tolerances" object. Keys are tried most specific first; a string abs like "1e-12 * max|logit|" is scaled
 * by the case's largest |input| (given by the caller). NaN equals NaN; infinities must match exactly.
 */
record Tolerance(double rel, double abs) {

    static Tolerance forDtype(String dtype) {
        return "float32".equals(dtype) ? new Tolerance(2e-5, 2e-5) : new Tolerance(1e-9, 1e-12);
    }

    static Tolerance lookup(JsonNode tolerances, String dtype, double scale, String... keys) {
        if (tolerances != null) {
            for (String k : keys) {
                JsonNode t = tolerances.get(k);
                if (t != null && t.isObject() && t.has("rel")) {
                    return new Tolerance(t.get("rel").asDouble(), abs(t.get("abs"), scale));
                }
            }
        }
        return forDtype(dtype);
    }

    private static double abs(JsonNode a, double scale) {
        if (a == null) {
            return 0.0;
        }
        if (a.isNumber()) {
            return a.asDouble();
        }
        String s = a.asText().trim();
        double factor = Double.parseDouble(s.split("\\s+")[0]);
        return s.contains("max|") ? factor * Math.max(scale, 1.0) : factor;
    }

    boolean close(double actual, double expected) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return actual == expected;
        }
        return Math.abs(actual - expected) <= abs + rel * Math.abs(expected);
    }

    Tolerance orLooser(Tolerance other) {
        return new Tolerance(Math.max(rel, other.rel), Math.max(abs, other.abs));
    }
}
