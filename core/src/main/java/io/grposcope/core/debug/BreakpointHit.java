package io.grposcope.core.debug;

/** A breakpoint that fired: at which step, why, what it did, and the capture it made (-1 when none). */
public record BreakpointHit(long step, String breakpointId, Breakpoint.Action action, String reason, long captureId) {
}
