package io.grposcope.core.algo.spi;

/**
 * Clip settings read at every minibatch, so a person can change them while a run trains.
 *
 * @param low   ε_low: the ratio is clipped below at 1 − low
 * @param high  ε_high: the ratio is clipped above at 1 + high
 * @param dualC dual-clip constant c (&gt; 1) capping the loss of negative-advantage tokens at |A|·c;
 *              {@code Double.POSITIVE_INFINITY} turns dual clip off
 * @param delta two-sided clip δ (TRL {@code delta}): caps the unclipped ratio at δ; infinity turns it off
 */
public record ClipBounds(double low, double high, double dualC, double delta) {

    public ClipBounds {
        if (!(low >= 0) || !(high >= 0)) {
            throw new IllegalArgumentException("clip widths must be >= 0, got low=" + low + " high=" + high);
        }
        if (!(dualC > 1)) {
            throw new IllegalArgumentException("dual-clip c must be > 1 (or +Infinity for off), got " + dualC);
        }
        if (!(delta > 1)) {
            throw new IllegalArgumentException("two-sided delta must be > 1 (or +Infinity for off), got " + delta);
        }
    }

    /** verl's defaults: ε = 0.2 both sides, c = 3, no δ. */
    public static ClipBounds defaults() {
        return new ClipBounds(0.2, 0.2, 3.0, Double.POSITIVE_INFINITY);
    }

    public static ClipBounds symmetric(double eps) {
        return new ClipBounds(eps, eps, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    public ClipBounds withLow(double v) {
        return new ClipBounds(v, high, dualC, delta);
    }

    public ClipBounds withHigh(double v) {
        return new ClipBounds(low, v, dualC, delta);
    }

    public ClipBounds withDualC(double v) {
        return new ClipBounds(low, high, v, delta);
    }

    public ClipBounds withDelta(double v) {
        return new ClipBounds(low, high, dualC, v);
    }

    public boolean dualClipOn() {
        return dualC != Double.POSITIVE_INFINITY;
    }

    public boolean deltaOn() {
        return delta != Double.POSITIVE_INFINITY;
    }
}
