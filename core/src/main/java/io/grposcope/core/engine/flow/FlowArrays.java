package io.grposcope.core.engine.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Conversions between row arrays and (n, D) tensors in a given manager. */
final class FlowArrays {
    private FlowArrays() {
    }

    static NDArray create(NDManager sm, float[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return sm.create(flat, new Shape(rows.length, d));
    }

    /** An (n, 1) column filled with {@code value}. */
    static NDArray column(NDManager sm, int n, double value) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, (float) value);
        return sm.create(v, new Shape(n, 1));
    }

    static float[][] rows(NDArray a, int d) {
        float[] flat = a.toFloatArray();
        float[][] out = new float[flat.length / d][d];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    /** Rows of {@code src} picked by {@code idx}. */
    static float[][] pick(float[][] src, int[] idx) {
        float[][] out = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = src[idx[i]];
        }
        return out;
    }

    static float[] pick(float[] src, int[] idx) {
        float[] out = new float[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = src[idx[i]];
        }
        return out;
    }

    static int[] pick(int[] src, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = src[idx[i]];
        }
        return out;
    }
}
