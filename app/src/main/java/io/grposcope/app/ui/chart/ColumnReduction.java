package io.grposcope.app.ui.chart;

/**
 * A series reduced to pixel columns over a step range: for each column the exact min and max of its
 * finite values (so a one-step spike survives any zoom level), its first and last value and the index of
 * its last point (to read the smoothed curve there). Empty columns have {@code count == 0}.
 * Arrays are reused between frames to keep the FX thread free of garbage.
 */
public final class ColumnReduction {
    private int columns;
    private int[] count = new int[0];
    private float[] first = new float[0];
    private float[] last = new float[0];
    private float[] min = new float[0];
    private float[] max = new float[0];
    private int[] lastIndex = new int[0];
    private final float[] scratch = new float[2];

    /** Reduces the points of {@code s} with step in [start, end) into {@code cols} equal-width columns. */
    public ColumnReduction reduce(SeriesBuffer s, double start, double end, int cols) {
        ensure(cols);
        columns = cols;
        double width = (end - start) / cols;
        int from = s.lowerBound(start);
        for (int c = 0; c < cols; c++) {
            int to = c == cols - 1 ? s.lowerBound(end) : s.lowerBound(start + (c + 1) * width);
            count[c] = Math.max(0, to - from);
            if (to > from) {
                s.minMax(from, to, scratch);
                min[c] = scratch[0];
                max[c] = scratch[1];
                first[c] = s.valueAt(from);
                last[c] = s.valueAt(to - 1);
                lastIndex[c] = to - 1;
            }
            from = Math.max(from, to);
        }
        return this;
    }

    public int columns() {
        return columns;
    }

    public int count(int c) {
        return count[c];
    }

    public float min(int c) {
        return min[c];
    }

    public float max(int c) {
        return max[c];
    }

    public float first(int c) {
        return first[c];
    }

    public float last(int c) {
        return last[c];
    }

    public int lastIndex(int c) {
        return lastIndex[c];
    }

    private void ensure(int cols) {
        if (count.length < cols) {
            count = new int[cols];
            first = new float[cols];
            last = new float[cols];
            min = new float[cols];
            max = new float[cols];
            lastIndex = new int[cols];
        }
    }
}
