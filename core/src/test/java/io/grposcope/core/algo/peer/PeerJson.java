package io.grposcope.core.algo.peer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading the peer-vector schema: nested-list tensors with "NaN"/"Infinity" strings, dtypes, shapes. */
final class PeerJson {

    private PeerJson() {
    }

    static DataType dtype(String name) {
        return switch (name) {
            case "float32" -> DataType.FLOAT32;
            case "float64" -> DataType.FLOAT64;
            default -> throw new IllegalArgumentException("unsupported dtype '" + name + "'");
        };
    }

    static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        return switch (n.asText()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("not a number: " + n);
        };
    }

    static long[] shape(JsonNode n) {
        List<Long> dims = new ArrayList<>();
        JsonNode x = n;
        while (x.isArray()) {
            dims.add((long) x.size());
            if (x.size() == 0) {
                break;
            }
            x = x.get(0);
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    static double[] flat(JsonNode n) {
        List<Double> out = new ArrayList<>();
        flatten(n, out);
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static void flatten(JsonNode n, List<Double> out) {
        if (n.isArray()) {
            n.forEach(c -> flatten(c, out));
        } else {
            out.add(number(n));
        }
    }

    /** A tensor in the given dtype (values are float32-exact where the case says so). */
    static NDArray tensor(NDManager m, JsonNode n, DataType dt) {
        return m.create(flat(n), new Shape(shape(n))).toType(dt, false);
    }

    static String[] strings(JsonNode n) {
        String[] s = new String[n.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = n.get(i).asText();
        }
        return s;
    }

    static double[] values(NDArray a) {
        return a.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    static String dtypeName(NDArray a) {
        return a.getDataType() == DataType.FLOAT32 ? "float32" : a.getDataType() == DataType.FLOAT64 ? "float64"
                : a.getDataType().toString();
    }
}
