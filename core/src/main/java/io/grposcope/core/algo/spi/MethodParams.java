package io.grposcope.core.algo.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resolved parameter values of a method: every declared parameter present, typed and range-checked. */
public final class MethodParams {

    private final Map<String, Object> values;

    MethodParams(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Values as given, for tests and for providers used without a registry; no validation. */
    public static MethodParams of(Map<String, Object> values) {
        return new MethodParams(values);
    }

    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public int getInt(String name) {
        return ((Number) require(name)).intValue();
    }

    public boolean getBoolean(String name) {
        Object v = require(name);
        return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
    }

    public String getString(String name) {
        return require(name).toString();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; have " + values.keySet());
        }
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
