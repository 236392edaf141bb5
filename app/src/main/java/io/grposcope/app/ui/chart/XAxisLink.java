package io.grposcope.app.ui.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The step axis shared by every chart of a run view: the visible step range, whether it follows the
 * newest step (from step 0, or from a later first step such as the start of the GRPO phase), the crosshair
 * position and the selected step. Charts listen and redraw; FX thread only.
 */
public final class XAxisLink {
    private static final double MIN_SPAN = 8;

    private final List<Runnable> listeners = new ArrayList<>();
    private double dataMax = 1;
    private double start = 0;
    private double end = 1;
    private boolean follow = true;
    private double followFrom = 0;
    private double crosshair = Double.NaN;
    private long selectedStep = -1;

    public void addListener(Runnable r) {
        listeners.add(r);
    }

    public void removeListener(Runnable r) {
        listeners.remove(r);
    }

    public int listenerCount() {
        return listeners.size();
    }

    public double start() {
        return start;
    }

    public double end() {
        return end;
    }

    public boolean following() {
        return follow;
    }

    /** The first step shown while following: 0 for the whole run, later for one phase; 0 when not following. */
    public double followFrom() {
        return follow ? followFrom : 0;
    }

    public double crosshair() {
        return crosshair;
    }

    public long selectedStep() {
        return selectedStep;
    }

    /** New data reached {@code maxStep}; while following, the view keeps showing everything. */
    public void extendData(double maxStep) {
        if (maxStep <= dataMax) {
            return;
        }
        dataMax = maxStep;
        if (follow) {
            showFollowed();
            fire();
        }
    }

    public double dataMax() {
        return dataMax;
    }

    /** Zooms by {@code factor} (< 1 zooms in) keeping {@code anchor} at the same place. */
    public void zoom(double anchor, double factor) {
        double span = Math.max(MIN_SPAN, (end - start) * factor);
        double rel = (anchor - start) / (end - start);
        setRange(anchor - rel * span, anchor - rel * span + span);
    }

    public void pan(double deltaSteps) {
        setRange(start + deltaSteps, end + deltaSteps);
    }

    /** Shows a fixed range and stops following the newest step. */
    public void setRange(double s, double e) {
        double span = Math.max(MIN_SPAN, e - s);
        double full = Math.max(MIN_SPAN, dataMax);
        span = Math.min(span, full);
        double ns = Math.max(0, Math.min(s, full - span));
        start = ns;
        end = ns + span;
        follow = false;
        followFrom = 0;
        fire();
    }

    /** Back to the whole run, following new steps. */
    public void reset() {
        followFrom(0);
    }

    /** Shows the steps from {@code first} on and keeps following new steps (e.g. only the GRPO phase). */
    public void followFrom(double first) {
        follow = true;
        followFrom = Math.max(0, first);
        showFollowed();
        fire();
    }

    private void showFollowed() {
        start = followFrom;
        end = Math.max(followFrom + MIN_SPAN, dataMax);
    }

    public void setCrosshair(double step) {
        if (Double.compare(step, crosshair) != 0) {
            crosshair = step;
            fire();
        }
    }

    public void select(long step) {
        selectedStep = step;
        fire();
    }

    private void fire() {
        for (Runnable r : List.copyOf(listeners)) {
            r.run();
        }
    }
}
