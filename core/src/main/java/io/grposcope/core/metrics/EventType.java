package io.grposcope.core.metrics;

/** Kinds of things that happen to a run besides its metrics; stored and drawn as chart markers. */
public enum EventType {
    START, STOP, PAUSE, RESUME, PHASE, PARAM_CHANGE, SPIKE, NON_FINITE, BREAKPOINT,
    CHECKPOINT, ROLLBACK, BACKPRESSURE, CAPTURE, ERROR,
    /** A step drew and scored its batch but applied no update (skipped after a rollback). */
    SKIP
}
