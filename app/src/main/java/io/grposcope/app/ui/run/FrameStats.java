package io.grposcope.app.ui.run;

import java.util.Arrays;

/**
 * Frame timings of the run view's pulse: the interval between pulses (what a person perceives; includes
 * rendering, since the FX thread waits for the previous frame's render before the next pulse) and the FX
 * thread's own work per pulse (drain + draw commands). Fixed-size ring, so it can stay on all the time.
 */
public final class FrameStats {
    private final long[] intervals;
    private final long[] work;
    private int n;
    private long lastPulse;

    public FrameStats(int capacity) {
        intervals = new long[capacity];
        work = new long[capacity];
    }

    void record(long pulseStart, long pulseEnd) {
        if (lastPulse != 0) {
            int i = n % intervals.length;
            intervals[i] = pulseStart - lastPulse;
            work[i] = pulseEnd - pulseStart;
            n++;
        }
        lastPulse = pulseStart;
    }

    public void clear() {
        n = 0;
        lastPulse = 0;
    }

    public int count() {
        return Math.min(n, intervals.length);
    }

    /** Percentile (0–100) of the pulse interval in milliseconds. */
    public double intervalMillis(double pct) {
        return percentile(intervals, pct);
    }

    /** Percentile (0–100) of the FX thread's work per pulse in milliseconds. */
    public double workMillis(double pct) {
        return percentile(work, pct);
    }

    private double percentile(long[] a, double pct) {
        int c = count();
        if (c == 0) {
            return Double.NaN;
        }
        long[] s = Arrays.copyOf(a, c);
        Arrays.sort(s);
        int i = (int) Math.min(c - 1, Math.max(0, Math.ceil(pct / 100.0 * c) - 1));
        return s[i] / 1e6;
    }
}
