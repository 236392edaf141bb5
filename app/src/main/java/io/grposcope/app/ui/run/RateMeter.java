package io.grposcope.app.ui.run;

/** Steps per second over a sliding window of about five seconds, so the status bar reads steadily. */
final class RateMeter {
    private static final int SLOTS = 64;
    private final long[] steps = new long[SLOTS];
    private final long[] times = new long[SLOTS];
    private int n;

    void mark(long step, long nanos) {
        steps[n % SLOTS] = step;
        times[n % SLOTS] = nanos;
        n++;
    }

    double perSecond(long now) {
        if (n < 2) {
            return 0;
        }
        int newest = (n - 1) % SLOTS;
        int oldest = newest;
        for (int k = 1; k < Math.min(n, SLOTS); k++) {
            int i = Math.floorMod(newest - k, SLOTS);
            if (times[newest] - times[i] > 5_000_000_000L) {
                break;
            }
            oldest = i;
        }
        double dt = (times[newest] - times[oldest]) / 1e9;
        if (now - times[newest] > 10_000_000_000L) {
            return 0;
        }
        return dt <= 0 ? 0 : (steps[newest] - steps[oldest]) / dt;
    }
}
