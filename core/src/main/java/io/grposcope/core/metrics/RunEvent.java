package io.grposcope.core.metrics;

import java.util.Map;

/**
 * Something that happened at a step: a pause, a parameter change (data holds "param", "old", "new"),
 * a spike, a non-finite loss, a checkpoint, a rollback. Plain values only.
 */
public record RunEvent(long step, long wallTimeMillis, EventType type, String message, Map<String, String> data) {

    public RunEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
        message = message == null ? "" : message;
    }

    public static RunEvent of(long step, EventType type, String message) {
        return new RunEvent(step, System.currentTimeMillis(), type, message, Map.of());
    }

    public static RunEvent paramChange(long step, String param, Object oldValue, Object newValue) {
        return new RunEvent(step, System.currentTimeMillis(), EventType.PARAM_CHANGE,
                param + ": " + oldValue + " -> " + newValue,
                Map.of("param", param, "old", String.valueOf(oldValue), "new", String.valueOf(newValue)));
    }
}
