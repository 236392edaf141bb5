package io.grposcope.core.debug;

import io.grposcope.core.metrics.StepListener;
import io.grposcope.core.metrics.StepRecord;

import java.util.function.Supplier;

/**
 * What the token and flow trainers' debugger adapters share: the last step's record, the states each step
 * started from ({@link PreStepStates}, null to replay from the current weights), and replaying from a captured
 * step's start. Register an adapter as a listener before the {@link BreakpointMonitor}, so a capture sees the
 * step it belongs to.
 */
abstract class TrainerAdapter implements StepListener, CaptureSource, ReplayBackend {

    private final PreStepStates states;
    private volatile StepRecord last;

    TrainerAdapter(PreStepStates states) {
        this.states = states;
    }

    @Override
    public final void onStep(StepRecord record) {
        last = record;
        if (states != null && keepsStateAfter(record)) {
            states.afterStep(record.step());
        }
    }

    /** Whether the state after this step must be kept (a later GRPO step may start from it). */
    protected boolean keepsStateAfter(StepRecord record) {
        return true;
    }

    /** The last step's record if it was a GRPO step, its starting state kept aside for replays; else null. */
    protected final StepRecord grpoStepToCapture() {
        StepRecord r = last;
        if (r == null || !StepRecord.PHASE_GRPO.equals(r.phase())) {
            return null;
        }
        if (states != null) {
            states.keepStartOf(r.step());
        }
        return r;
    }

    /** Runs {@code body} from the weights {@code step} started with when they were kept, else as things are. */
    protected final <T> T fromStartOf(long step, Supplier<T> body) {
        if (states != null && states.hasStartOf(step)) {
            return states.withStartOf(step, body::get);
        }
        return body.get();
    }

    PreStepStates states() {
        return states;
    }
}
