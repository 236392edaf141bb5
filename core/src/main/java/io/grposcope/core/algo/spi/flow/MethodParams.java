package io.grposcope.core.algo.spi.flow;

import java.util.LinkedHashMap;
import java.util.Map;

/** Typed reads of a method's parameter map with defaults; wrong types fail with the method and key named. */
public final class MethodParams {
    private final String method;
    private final Map<String, Object> values;

    public MethodParams(String method, Map<String, Object> defaults, Map<String, Object> given) {
        this.method = method;
        this.values = new LinkedHashMap<>(defaults);
        if (given != null) {
            for (String key : given.keySet()) {
                if (!defaults.containsKey(key)) {
                    throw new IllegalArgumentException("method " + method + ": unknown parameter '" + key
                            + "', known: " + defaults.keySet());
                }
            }
            values.putAll(given);
        }
    }

    public double number(String key) {
        Object v = values.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("method " + method + ": parameter '" + key + "' must be a number, got "
                    + v, e);
        }
    }

    public int integer(String key) {
        double d = number(key);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException("method " + method + ": parameter '" + key + "' must be an integer, got "
                    + d);
        }
        return (int) d;
    }

    public boolean flag(String key) {
        Object v = values.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).trim().toLowerCase();
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("method " + method + ": parameter '" + key + "' must be true or false, got "
                + v);
    }

    public String text(String key) {
        return String.valueOf(values.get(key));
    }
}
