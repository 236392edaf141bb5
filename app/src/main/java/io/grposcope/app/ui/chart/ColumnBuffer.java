package io.grposcope.app.ui.chart;

import java.util.Arrays;

/**
 * History of a per-step vector (a histogram's bucket counts, or the per-layer gradient norms) for a heatmap.
 * Keeps at most {@code capacity} columns: when full, neighbouring columns merge pairwise (counts add, norms
 * keep the max), so memory stays bounded for a million steps while each column still says which steps it
 * covers. The newest steps are exact until the first merge. FX thread only.
 */
public final class ColumnBuffer {
    /** How two columns combine when merged. */
    public enum Merge { SUM, MAX }

    private final int rows;
    private final int capacity;
    private final Merge merge;
    private final int[] stepStart;
    private final int[] stepEnd;
    private final float[] data;
    private int size;
    private int stepsPerColumn = 1;

    public ColumnBuffer(int rows, int capacity, Merge merge) {
        if (rows < 1 || capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("column buffer needs rows >= 1 and an even capacity >= 2, got rows="
                    + rows + " capacity=" + capacity);
        }
        this.rows = rows;
        this.capacity = capacity;
        this.merge = merge;
        this.stepStart = new int[capacity];
        this.stepEnd = new int[capacity];
        this.data = new float[capacity * rows];
    }

    public int rows() {
        return rows;
    }

    public int size() {
        return size;
    }

    public int stepsPerColumn() {
        return stepsPerColumn;
    }

    public int stepStart(int c) {
        return stepStart[c];
    }

    public int stepEnd(int c) {
        return stepEnd[c];
    }

    public float value(int c, int row) {
        return data[c * rows + row];
    }

    /** Adds one step's vector ({@code values.length == rows}); a step not after the last truncates first. */
    public void append(long step, float[] values) {
        int s = (int) Math.min(Integer.MAX_VALUE, step);
        if (size > 0 && s <= stepEnd[size - 1]) {
            truncateFrom(s);
        }
        if (size > 0 && s < stepStart[size - 1] + stepsPerColumn) {
            combineInto(size - 1, values, 0);
            stepEnd[size - 1] = s;
            return;
        }
        if (size == capacity) {
            halve();
            if (size > 0 && s < stepStart[size - 1] + stepsPerColumn) {
                combineInto(size - 1, values, 0);
                stepEnd[size - 1] = s;
                return;
            }
        }
        stepStart[size] = s;
        stepEnd[size] = s;
        System.arraycopy(values, 0, data, size * rows, rows);
        size++;
    }

    /** Drops columns starting at or after {@code step} (a column straddling it is kept whole). */
    public void truncateFrom(long step) {
        while (size > 0 && stepStart[size - 1] >= step) {
            size--;
        }
        if (size > 0 && stepEnd[size - 1] >= step) {
            stepEnd[size - 1] = (int) step - 1;
        }
    }

    /** Index of the column holding {@code step}, or -1. */
    public int columnOf(double step) {
        int i = upperBound(step) - 1;
        return i >= 0 && step <= stepEnd[i] ? i : -1;
    }

    /** First column whose start is > step. */
    public int upperBound(double step) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (stepStart[mid] <= step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void halve() {
        int out = 0;
        for (int c = 0; c < size; c += 2) {
            if (out != c) {
                System.arraycopy(data, c * rows, data, out * rows, rows);
                stepStart[out] = stepStart[c];
                stepEnd[out] = stepEnd[c];
            }
            if (c + 1 < size) {
                combineInto(out, data, (c + 1) * rows);
                stepEnd[out] = stepEnd[c + 1];
            }
            out++;
        }
        size = out;
        stepsPerColumn *= 2;
    }

    private void combineInto(int column, float[] src, int offset) {
        int base = column * rows;
        for (int r = 0; r < rows; r++) {
            float v = src[offset + r];
            data[base + r] = merge == Merge.SUM ? data[base + r] + v : Math.max(data[base + r], v);
        }
    }

    /** A copy of one column's vector. */
    public float[] column(int c) {
        return Arrays.copyOfRange(data, c * rows, (c + 1) * rows);
    }
}
