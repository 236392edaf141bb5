package io.grposcope.core.debug;

import java.util.Objects;

/**
 * A rule that stops or records the run: on a spike of any watched series, on a non-finite metric, or when a
 * typed {@link Condition} holds. The action says whether to pause (at the next step boundary) and capture the
 * batch, only capture it, or only log a BREAKPOINT event.
 */
public record Breakpoint(String id, Trigger trigger, Condition condition, Action action, boolean enabled) {

    public enum Trigger { SPIKE, NON_FINITE, CONDITION }

    public enum Action {
        PAUSE_AND_CAPTURE, CAPTURE_ONLY, LOG;

        public boolean pauses() {
            return this == PAUSE_AND_CAPTURE;
        }

        public boolean captures() {
            return this != LOG;
        }
    }

    public Breakpoint {
        Objects.requireNonNull(id, "breakpoint id");
        Objects.requireNonNull(trigger, "breakpoint trigger");
        Objects.requireNonNull(action, "breakpoint action");
        if (trigger == Trigger.CONDITION && condition == null) {
            throw new IllegalArgumentException("breakpoint '" + id + "' triggers on a condition but has none");
        }
    }

    public static Breakpoint onSpike(Action action) {
        return new Breakpoint("spike", Trigger.SPIKE, null, action, true);
    }

    public static Breakpoint onNonFinite(Action action) {
        return new Breakpoint("non-finite", Trigger.NON_FINITE, null, action, true);
    }

    /** Parses {@code condition} now, so a typo is reported when the breakpoint is made, not when it fires. */
    public static Breakpoint when(String id, String condition, Action action) {
        return new Breakpoint(id, Trigger.CONDITION, Condition.parse(condition), action, true);
    }

    public Breakpoint withEnabled(boolean on) {
        return new Breakpoint(id, trigger, condition, action, on);
    }

    public String describe() {
        return switch (trigger) {
            case SPIKE -> "on spike";
            case NON_FINITE -> "on non-finite";
            case CONDITION -> "when " + condition.source();
        };
    }
}
