package io.grposcope.core.debug;

import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;

import java.util.Map;

/**
 * One flagged value of a watched series: where it was, what the rolling baseline said, and the threshold it
 * crossed. {@code nonFinite} spikes (NaN, ±Inf) carry NaN baselines when the window was still empty.
 */
public record Spike(String series, long step, double value, double median, double mad, double threshold,
                    boolean nonFinite) {

    /** How many MADs away from the median the value sits (infinite for non-finite values). */
    public double score() {
        if (nonFinite) {
            return Double.POSITIVE_INFINITY;
        }
        return mad > 0 ? Math.abs(value - median) / mad : Double.POSITIVE_INFINITY;
    }

    /** The store/chart form: a SPIKE or NON_FINITE event with the numbers in its data map. */
    public RunEvent toEvent() {
        EventType type = nonFinite ? EventType.NON_FINITE : EventType.SPIKE;
        String message = nonFinite
                ? series + " is " + value
                : String.format("%s = %.6g above threshold %.6g (median %.6g, MAD %.6g)",
                series, value, threshold, median, mad);
        return new RunEvent(step, System.currentTimeMillis(), type, message,
                Map.of("series", series, "value", Double.toString(value), "median", Double.toString(median),
                        "mad", Double.toString(mad), "threshold", Double.toString(threshold)));
    }
}
