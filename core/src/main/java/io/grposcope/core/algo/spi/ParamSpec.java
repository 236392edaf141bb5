package io.grposcope.core.algo.spi;

import java.util.List;
import java.util.Locale;

/**
 * One typed parameter a method declares: name, type, default, allowed range or choices, and a description the
 * UI shows next to the field. {@link #coerce} turns a value read from a config file or a text field into the
 * declared type, or says exactly what is wrong.
 */
public record ParamSpec(String name, Type type, Object defaultValue, double min, double max, List<String> choices,
                        String description) {

    /** Parameter kinds. */
    public enum Type { DOUBLE, INT, BOOLEAN, CHOICE }

    public ParamSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name is required");
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        description = description == null ? "" : description;
    }

    public static ParamSpec real(String name, double def, double min, double max, String description) {
        return new ParamSpec(name, Type.DOUBLE, def, min, max, List.of(), description);
    }

    public static ParamSpec integer(String name, int def, int min, int max, String description) {
        return new ParamSpec(name, Type.INT, def, min, max, List.of(), description);
    }

    public static ParamSpec flag(String name, boolean def, String description) {
        return new ParamSpec(name, Type.BOOLEAN, def, 0, 1, List.of(), description);
    }

    public static ParamSpec choice(String name, String def, List<String> choices, String description) {
        return new ParamSpec(name, Type.CHOICE, def, 0, 0, choices, description);
    }

    /** The value converted to this parameter's type (Double, Integer, Boolean or String), range-checked. */
    public Object coerce(Object value) {
        if (value == null) {
            return defaultValue;
        }
        return switch (type) {
            case DOUBLE -> inRange(toDouble(value));
            case INT -> (int) inRange(toInt(value));
            case BOOLEAN -> toBoolean(value);
            case CHOICE -> toChoice(value);
        };
    }

    private double toDouble(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw bad(v, "a number");
        }
    }

    private int toInt(Object v) {
        double d = toDouble(v);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw bad(v, "a whole number");
        }
        return (int) d;
    }

    private boolean toBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw bad(v, "true or false");
    }

    private String toChoice(Object v) {
        String s = v.toString().trim();
        if (!choices.contains(s)) {
            throw bad(v, "one of " + choices);
        }
        return s;
    }

    private double inRange(double d) {
        if (Double.isNaN(d) || d < min || d > max) {
            throw new IllegalArgumentException(
                    "parameter '" + name + "' = " + d + " is outside [" + fmt(min) + ", " + fmt(max) + "]");
        }
        return d;
    }

    private IllegalArgumentException bad(Object v, String expected) {
        return new IllegalArgumentException("parameter '" + name + "' = '" + v + "' is not " + expected);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
