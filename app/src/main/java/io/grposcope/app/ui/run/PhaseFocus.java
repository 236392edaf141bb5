package io.grposcope.app.ui.run;

import io.grposcope.app.ui.bridge.RunData;
import io.grposcope.app.ui.chart.SeriesBuffer;
import io.grposcope.app.ui.chart.XAxisLink;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepRecord;

/**
 * Where a run's GRPO phase starts, and the "GRPO only" view of the shared step axis. After a long warm-up
 * (flow runs: 1500 pretraining steps before 60 GRPO steps) the GRPO phase would sit in the right few percent
 * of every chart, so when the warm-up is more than {@link #AUTO_FOCUS_RATIO}× the GRPO steps the axis moves
 * to the GRPO phase once, as it starts, unless the person has zoomed or panned.
 */
final class PhaseFocus {
    static final int AUTO_FOCUS_RATIO = 3;

    private final RunData data;
    private final XAxisLink axis;
    private final long plannedGrpoSteps;
    private long grpoStart = -1;

    /** {@code plannedGrpoSteps}: the run's GRPO steps from its config, or ≤ 0 to read them from the data. */
    PhaseFocus(RunData data, XAxisLink axis, long plannedGrpoSteps) {
        this.data = data;
        this.axis = axis;
        this.plannedGrpoSteps = plannedGrpoSteps;
    }

    /** Once per frame: finds the GRPO phase's first step when it appears and auto-focuses it once. */
    void update() {
        if (grpoStart > 0) {
            return;
        }
        grpoStart = firstGrpoStep(data);
        if (grpoStart > 0 && worthFocusing() && axis.following() && axis.followFrom() == 0) {
            showGrpoOnly();
        }
    }

    /** The first GRPO step, or -1 while the run has not reached it (or has no earlier phase). */
    long grpoStart() {
        return grpoStart;
    }

    boolean hasPhases() {
        return grpoStart > 1;
    }

    boolean isGrpoOnly() {
        return hasPhases() && axis.following() && axis.followFrom() == grpoStart;
    }

    /** Shows the GRPO phase only, following its new steps. */
    void showGrpoOnly() {
        if (hasPhases()) {
            axis.followFrom(grpoStart);
        }
    }

    void showWholeRun() {
        axis.reset();
    }

    private boolean worthFocusing() {
        long grpo = plannedGrpoSteps > 0 ? plannedGrpoSteps : data.lastStep() - grpoStart + 1;
        return grpoStart - 1 > AUTO_FOCUS_RATIO * Math.max(1, grpo);
    }

    /**
     * The step after the engine's PHASE event into "grpo" (the event carries the last step before it); for data
     * without that event, the first step of the flow trainer's grpo/step counter.
     */
    static long firstGrpoStep(RunData data) {
        long first = Long.MAX_VALUE;
        for (RunEvent e : data.events().all()) {
            if (e.type() == EventType.PHASE && StepRecord.PHASE_GRPO.equals(e.message())) {
                first = Math.min(first, e.step() + 1);
            }
        }
        if (first != Long.MAX_VALUE) {
            return first;
        }
        if (data.scalarTags().contains("grpo/step")) {
            SeriesBuffer s = data.series("grpo/step");
            return s.size() > 0 ? s.stepAt(0) : -1;
        }
        return -1;
    }
}
