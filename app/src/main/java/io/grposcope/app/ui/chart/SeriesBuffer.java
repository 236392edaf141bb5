package io.grposcope.app.ui.chart;

import java.util.Arrays;

/**
 * One metric's full history (every step kept) as growable primitive arrays, plus a min/max pyramid
 * (blocks of 8, 64, 512, ...) so that a pixel column's exact min and max over any index range costs
 * O(levels) instead of O(points). Confined to one thread (the FX thread once attached).
 */
public final class SeriesBuffer {
    static final int FANOUT_BITS = 3;
    static final int LEVELS = 6;

    private final String tag;
    private int[] steps = new int[1024];
    private float[] values = new float[1024];
    private final float[][] levelMin = new float[LEVELS][];
    private final float[][] levelMax = new float[LEVELS][];
    private int size;
    private int nonFinite;
    private int generation;

    public SeriesBuffer(String tag) {
        this.tag = tag;
        for (int l = 0; l < LEVELS; l++) {
            levelMin[l] = new float[16];
            levelMax[l] = new float[16];
        }
    }

    public String tag() {
        return tag;
    }

    public int size() {
        return size;
    }

    public int nonFiniteCount() {
        return nonFinite;
    }

    public int stepAt(int i) {
        return steps[i];
    }

    public float valueAt(int i) {
        return values[i];
    }

    /** Changes whenever points are removed, so derived views (smoothing) know to start over. */
    public int generation() {
        return generation;
    }

    public int lastStep() {
        return size == 0 ? -1 : steps[size - 1];
    }

    /**
     * Appends one point. A step not after the last one means the run went back (rollback / branch):
     * the later points are dropped first, as TensorBoard does for orphaned steps.
     */
    public void append(long step, double value) {
        int s = (int) Math.min(Integer.MAX_VALUE, step);
        if (size > 0 && s <= steps[size - 1]) {
            truncateFrom(s);
        }
        ensureCapacity(size + 1);
        steps[size] = s;
        values[size] = (float) value;
        if (!Float.isFinite(values[size])) {
            nonFinite++;
        }
        updatePyramid(size);
        size++;
    }

    /** Drops every point with step ≥ {@code step}. */
    public void truncateFrom(long step) {
        int cut = lowerBound(step);
        for (int i = cut; i < size; i++) {
            if (!Float.isFinite(values[i])) {
                nonFinite--;
            }
        }
        size = cut;
        generation++;
        if (cut > 0) {
            rebuildTailBlocks(cut);
        }
    }

    /** First index whose step is ≥ {@code step} (size when none). */
    public int lowerBound(double step) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps[mid] < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Exact min and max of the finite values in index range [from, to), written to {@code out[0]} and
     * {@code out[1]}; both NaN when the range holds no finite value.
     */
    public void minMax(int from, int to, float[] out) {
        float mn = Float.POSITIVE_INFINITY;
        float mx = Float.NEGATIVE_INFINITY;
        int i = from;
        while (i < to) {
            int level = largestAlignedLevel(i, to);
            if (level < 0) {
                float v = values[i];
                if (Float.isFinite(v)) {
                    mn = Math.min(mn, v);
                    mx = Math.max(mx, v);
                }
                i++;
            } else {
                int block = i >>> ((level + 1) * FANOUT_BITS);
                mn = Math.min(mn, levelMin[level][block]);
                mx = Math.max(mx, levelMax[level][block]);
                i += 1 << ((level + 1) * FANOUT_BITS);
            }
        }
        out[0] = mn == Float.POSITIVE_INFINITY ? Float.NaN : mn;
        out[1] = mx == Float.NEGATIVE_INFINITY ? Float.NaN : mx;
    }

    /** Min and max over the whole series (NaN when empty). */
    public void minMax(float[] out) {
        minMax(0, size, out);
    }

    private int largestAlignedLevel(int i, int to) {
        for (int l = LEVELS - 1; l >= 0; l--) {
            int blockSize = 1 << ((l + 1) * FANOUT_BITS);
            if ((i & (blockSize - 1)) == 0 && i + blockSize <= to) {
                return l;
            }
        }
        return -1;
    }

    private void updatePyramid(int i) {
        float v = values[i];
        for (int l = 0; l < LEVELS; l++) {
            int shift = (l + 1) * FANOUT_BITS;
            int block = i >>> shift;
            if (levelMin[l].length <= block) {
                levelMin[l] = grow(levelMin[l], block + 1);
                levelMax[l] = grow(levelMax[l], block + 1);
            }
            boolean first = (i & ((1 << shift) - 1)) == 0;
            float mn = first ? Float.POSITIVE_INFINITY : levelMin[l][block];
            float mx = first ? Float.NEGATIVE_INFINITY : levelMax[l][block];
            if (Float.isFinite(v)) {
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            levelMin[l][block] = mn;
            levelMax[l][block] = mx;
        }
    }

    private void rebuildTailBlocks(int newSize) {
        int start = (newSize - 1) >>> (LEVELS * FANOUT_BITS) << (LEVELS * FANOUT_BITS);
        for (int i = start; i < newSize; i++) {
            updatePyramid(i);
        }
    }

    private void ensureCapacity(int n) {
        if (n > steps.length) {
            int cap = Math.max(n, steps.length * 2);
            steps = Arrays.copyOf(steps, cap);
            values = Arrays.copyOf(values, cap);
        }
    }

    private static float[] grow(float[] a, int min) {
        return Arrays.copyOf(a, Math.max(min, a.length * 2));
    }
}
